// The price list index: the little of it that the live-store check (test/live/) reads, so it
// runs against the emulator too. Metafields are in ./metafields.

import { fromArray, v3List } from '../pagination';
import type { Router } from '../router';

export function registerMetafieldsAndPriceLists(router: Router): void {
	router
		// The store has no price lists: enough for reading the list's envelope and paging.
		.get('/v3/pricelists', (ctx) => v3List(fromArray([]), ctx.query, (p) => p));
}

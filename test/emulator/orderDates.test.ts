// v2 order dates are kept to the second: filters and sorts treat every order of one second alike.

import axios from 'axios';

import { Emulator, startEmulator } from './index';

describe('store emulator: v2 order dates to the second', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ seed: 'empty' });
	});
	afterAll(() => emu.stop());

	const list = async (query: Record<string, string>) => {
		const answer = await axios.get(`${emu.baseUrl}/stores/${emu.storeHash}/v2/orders`, {
			params: query,
			headers: { 'X-Auth-Token': emu.token, Accept: 'application/json' },
			validateStatus: () => true,
		});
		return answer.status === 204 ? [] : (answer.data as Array<{ id: number }>).map((order) => order.id);
	};

	it('filters by whole seconds at both ends and sorts orders of one second by ID', async () => {
		const second = Date.UTC(2026, 0, 15, 12, 0, 0);
		// Created in this order: late in the second first, so milliseconds would sort them the other way.
		const late = emu.admin.createOrder({ date_created: second + 900 });
		const early = emu.admin.createOrder({ date_created: second + 100 });
		const before = emu.admin.createOrder({ date_created: second - 1000 });
		const after = emu.admin.createOrder({ date_created: second + 1000 });
		const at = new Date(second).toISOString();

		expect(await list({ min_date_created: at, max_date_created: at, sort: 'date_created:asc' })).toEqual([late.id, early.id]);
		expect(await list({ min_date_created: at, sort: 'date_created:asc' })).toEqual([late.id, early.id, after.id]);
		expect(await list({ max_date_created: at, sort: 'date_created:desc' })).toEqual([early.id, late.id, before.id]);
		expect(await list({ min_date_created: 'Thu, 15 Jan 2026 12:00:00 +0000', sort: 'date_created:asc' })).toEqual([
			late.id,
			early.id,
			after.id,
		]);
	});
});

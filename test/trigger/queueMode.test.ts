/**
 * The trigger's duplicate memory across n8n processes (queue mode's webhook processes): each
 * process is a separate copy of the module, and the workflow's static data lives in "the
 * database" as n8n keeps it: loaded afresh for each request, saved whole after webhook() returns.
 */
import type { TriggerStaticData } from '../../nodes/BigCommerce/trigger/staticData';

type DeliveryModule = typeof import('../../nodes/BigCommerce/trigger/delivery');

function newProcess(): DeliveryModule {
	let loaded: DeliveryModule | undefined;
	jest.isolateModules(() => {
		loaded = jest.requireActual<DeliveryModule>('../../nodes/BigCommerce/trigger/delivery');
	});
	if (!loaded) throw new Error('module not loaded');
	return loaded;
}

const NODE = 'workflow-1:node-1';
const event = (id: number) => ({ scope: 'store/product/updated', hash: id.toString(16).padStart(40, '0'), created_at: 1760000000 + id });

/** n8n's handling of one request: load, run, and (if anything changed) save all of it. */
class Database {
	private saved = '{}';
	load(): TriggerStaticData {
		return JSON.parse(this.saved) as TriggerStaticData;
	}
	save(data: TriggerStaticData): void {
		this.saved = JSON.stringify(data);
	}
}

describe('repeated deliveries across webhook processes', () => {
	it('a record one process\'s save dropped returns with the next save, and a repeat at the other process is dropped', () => {
		const db = new Database();
		const [p1, p2] = [newProcess(), newProcess()];
		// A burst: four requests load the same static data before any of them saves.
		const a1 = db.load();
		const a2 = db.load();
		const b1 = db.load();
		const b2 = db.load();
		expect(p1.isRepeatedDelivery(NODE, a1, event(1))).toBe(false);
		expect(p1.isRepeatedDelivery(NODE, a2, event(2))).toBe(false);
		expect(p2.isRepeatedDelivery(NODE, b1, event(3))).toBe(false);
		expect(p2.isRepeatedDelivery(NODE, b2, event(4))).toBe(false);
		for (const data of [a1, b1, a2, b2]) db.save(data);
		// The last save came from process 2, which never saw events 1 and 2.
		expect(db.load().seenDeliveries).toHaveLength(2);

		// Process 1's next delivery writes back what it knows.
		const a3 = db.load();
		expect(p1.isRepeatedDelivery(NODE, a3, event(5))).toBe(false);
		db.save(a3);
		expect(db.load().seenDeliveries).toHaveLength(5);

		// Repeats of every event, each at the process that did not take it: all dropped.
		expect(p2.isRepeatedDelivery(NODE, db.load(), event(1))).toBe(true);
		expect(p2.isRepeatedDelivery(NODE, db.load(), event(2))).toBe(true);
		expect(p2.isRepeatedDelivery(NODE, db.load(), event(5))).toBe(true);
		expect(p1.isRepeatedDelivery(NODE, db.load(), event(3))).toBe(true);
		expect(p1.isRepeatedDelivery(NODE, db.load(), event(4))).toBe(true);
	});

	it('a process keeps what it once read, even after a third process\'s save dropped it', () => {
		const db = new Database();
		const [p1, p2, p3] = [newProcess(), newProcess(), newProcess()];
		// Process 3 loads before anything is recorded and saves last.
		const stale = db.load();
		const first = db.load();
		expect(p1.isRepeatedDelivery(NODE, first, event(1))).toBe(false);
		db.save(first);
		// Process 2 reads event 1 while it accepts event 2.
		const read = db.load();
		expect(p2.isRepeatedDelivery(NODE, read, event(2))).toBe(false);
		db.save(read);
		expect(p3.isRepeatedDelivery(NODE, stale, event(3))).toBe(false);
		db.save(stale);
		expect(db.load().seenDeliveries).toHaveLength(1);
		// A repeat of event 1 at process 2 is still dropped.
		expect(p2.isRepeatedDelivery(NODE, db.load(), event(1))).toBe(true);
	});

	it('the limit that remains: two copies reaching two processes before either has saved both run', () => {
		const db = new Database();
		const [p1, p2] = [newProcess(), newProcess()];
		const atP1 = db.load();
		const atP2 = db.load();
		expect(p1.isRepeatedDelivery(NODE, atP1, event(1))).toBe(false);
		expect(p2.isRepeatedDelivery(NODE, atP2, event(1))).toBe(false);
	});

	it('signed message ids travel the same way', () => {
		const db = new Database();
		const [p1, p2] = [newProcess(), newProcess()];
		const message = (id: number) => ({ id: `msg_${id}`, timestamp: 1760000000 });
		const a = db.load();
		const b = db.load();
		expect(p1.isReplayedMessage(NODE, a, message(1), 0)).toBe(false);
		expect(p2.isReplayedMessage(NODE, b, message(2), 0)).toBe(false);
		db.save(a);
		db.save(b);
		const c = db.load();
		expect(p1.isReplayedMessage(NODE, c, message(3), 0)).toBe(false);
		db.save(c);
		expect(p2.isReplayedMessage(NODE, db.load(), message(1), 0)).toBe(true);
		expect(p1.isReplayedMessage(NODE, db.load(), message(2), 0)).toBe(true);
	});
});

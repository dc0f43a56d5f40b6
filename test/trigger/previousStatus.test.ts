// The previous-status filter of Order: Status Changed: "from X to Y", by name or ID, on the
// statusUpdated deliveries the store sends when its orders change, shipments included.

import type { IDataObject } from 'n8n-workflow';

import { requestLog } from '../helpers/store';
import { TriggerTestbed, type DeliveryResult, type TriggerHarness } from '../helpers/trigger';

let bed: TriggerTestbed;

beforeAll(async () => {
	bed = await TriggerTestbed.start();
});
afterAll(async () => {
	await bed.stop();
});
beforeEach(async () => {
	await bed.reset();
});

function executions(trigger: TriggerHarness): DeliveryResult[] {
	return trigger.received.filter((r) => r.executed);
}

function statusesOf(trigger: TriggerHarness): IDataObject[] {
	return executions(trigger).map((r) => (r.items[0].json.data as IDataObject).status as IDataObject);
}

describe('the previous order status filter', () => {
	it('starts the workflow only for a change from one of the chosen statuses to one of the chosen new ones, names and IDs mixed', async () => {
		const trigger = await bed.trigger({
			events: ['store/order/statusUpdated'],
			resolveData: false,
			options: { previousOrderStatuses: ['awaiting fulfillment', 9], orderStatuses: ['Shipped'] },
		});
		await trigger.activate();
		// Both lists resolved at activation with one read of the statuses.
		expect(requestLog(bed.emulator).filter((line) => line.includes('order_statuses'))).toEqual(['GET /v2/order_statuses']);
		expect(trigger.nodeStaticData).toMatchObject({ orderStatusIds: [2], previousOrderStatusIds: [11, 9] });
		bed.emulator.clearRequests();

		const fromPending = bed.emulator.admin.createOrder({ status_id: 1 });
		const fromFulfillment = bed.emulator.admin.createOrder({ status_id: 11 });
		const fromShipment = bed.emulator.admin.createOrder({ status_id: 9 });
		await bed.settle();
		bed.emulator.admin.setOrderStatus(fromPending.id, 2); // Pending -> Shipped: previous not chosen
		bed.emulator.admin.setOrderStatus(fromFulfillment.id, 5); // Awaiting Fulfillment -> Cancelled: new not chosen
		bed.emulator.admin.setOrderStatus(fromFulfillment.id, 11); // Cancelled -> Awaiting Fulfillment: neither
		bed.emulator.admin.createShipment(fromFulfillment.id); // Awaiting Fulfillment -> Shipped
		bed.emulator.admin.createShipment(fromShipment.id); // Awaiting Shipment -> Shipped
		await bed.settle();

		expect(statusesOf(trigger)).toEqual([
			{ previous_status_id: 11, new_status_id: 2 },
			{ previous_status_id: 9, new_status_id: 2 },
		]);
		const ignored = trigger.received.filter((r) => !r.executed);
		expect(ignored).toHaveLength(3);
		expect(ignored.every((r) => r.status === 200)).toBe(true);
		// The deliveries were filtered without reading anything from the store.
		expect(bed.emulator.requests).toEqual([]);
	});

	it('alone, lets every change away from the chosen status through, whatever the new status', async () => {
		const trigger = await bed.trigger({ events: ['store/order/statusUpdated'], resolveData: false, options: { previousOrderStatuses: [11] } });
		await trigger.activate();
		const order = bed.emulator.admin.createOrder({ status_id: 11 });
		await bed.settle();
		bed.emulator.admin.setOrderStatus(order.id, 9); // from Awaiting Fulfillment
		bed.emulator.admin.setOrderStatus(order.id, 11); // from Awaiting Shipment
		bed.emulator.admin.setOrderStatus(order.id, 5); // from Awaiting Fulfillment
		await bed.settle();

		expect(statusesOf(trigger)).toEqual([
			{ previous_status_id: 11, new_status_id: 9 },
			{ previous_status_id: 11, new_status_id: 5 },
		]);
	});

	it('refuses a previous status the store does not have at activation, naming the option', async () => {
		const trigger = await bed.trigger({ events: ['store/order/statusUpdated'], options: { previousOrderStatuses: ['Packed'] } });
		const refusal = await trigger.activate().then(() => undefined, (error: Error & { description?: string }) => error);
		expect(refusal?.message).toBe('Only Previous Order Status Names or IDs must be one of the store\'s order statuses, got "Packed"');
		expect(refusal?.description).toMatch(/^The store's order statuses: .*Awaiting Fulfillment/);
		expect(requestLog(bed.emulator)).toEqual(['GET /v2/order_statuses']);
	});
});

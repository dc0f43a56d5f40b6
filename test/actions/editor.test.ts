// What a user meets in the editor before running anything: the subtitle under the node, the
// nodes panel entry, the order of the range filters and the notice on every Get Many.

import type { INode, INodeProperties, INodePropertyOptions, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { resources } from '../../nodes/BigCommerce/actions/resources';
import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { BigCommercePollTrigger } from '../../nodes/BigCommerce/BigCommercePollTrigger.node';
import actionCodex from '../../nodes/BigCommerce/BigCommerce.node.json';
import triggerCodex from '../../nodes/BigCommerce/BigCommerceTrigger.node.json';
import { ACTION_TYPE } from '../helpers/workflow';

const nodeType = new BigCommerce();
const properties = nodeType.description.properties;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []) as INodePropertyOptions[];
}

/** The subtitle as the editor shows it for a node of this type with these parameters. */
function subtitleOf(type: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = { id: 'e1', name: 'BigCommerce', type: ACTION_TYPE, typeVersion: 1, position: [0, 0], parameters };
	const nodeTypes = {
		getByName: () => type,
		getByNameAndVersion: () => type,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle, 'internal', {});
}

function subtitleFor(resource: string, operation: string): unknown {
	return subtitleOf(nodeType, { resource, operation });
}

function filterNames(resource: string): string[] {
	const filters = properties.find(
		(property) =>
			property.name === 'filters' &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
			(property.displayOptions?.show?.operation as string[] | undefined)?.includes('getAll'),
	);
	return ((filters?.options ?? []) as INodeProperties[]).map((option) => `${option.displayName}=${option.name}`);
}

describe('node subtitle', () => {
	it('names the polling trigger\'s event as its dropdown does', () => {
		const pollTrigger = new BigCommercePollTrigger();
		const events = optionsOf(pollTrigger.description.properties.find((property) => property.name === 'event'));
		expect(events.length).toBeGreaterThan(0);
		for (const event of events) expect(subtitleOf(pollTrigger, { event: event.value })).toBe(event.name);
	});

	it('reads "Get Many: Product" and the like, not the internal values', () => {
		expect(subtitleFor('product', 'getAll')).toBe('Get Many: Product');
		expect(subtitleFor('customer', 'upsert')).toBe('Create or Update: Customer');
		expect(subtitleFor('customer', 'assignGroup')).toBe('Assign to Group: Customer');
		expect(subtitleFor('inventory', 'adjustLevel')).toBe('Adjust Level: Inventory');
		expect(subtitleFor('productVariant', 'delete')).toBe('Delete: Product Variant');
		expect(subtitleFor('customerGroup', 'get')).toBe('Get: Customer Group');
	});

	it('names every operation of every resource as its dropdowns do', () => {
		const resourceNames = optionsOf(properties.find((property) => property.name === 'resource'));
		const wrong: string[] = [];
		for (const list of properties.filter((property) => property.name === 'operation')) {
			const [resource] = list.displayOptions?.show?.resource as string[];
			const resourceName = resourceNames.find((option) => option.value === resource)?.name;
			for (const option of optionsOf(list)) {
				const expected = `${option.name}: ${resourceName}`;
				const shown = subtitleFor(resource, String(option.value));
				if (shown !== expected) wrong.push(`${resource}.${option.value}: ${String(shown)} (expected ${expected})`);
			}
		}
		expect(wrong).toEqual([]);
	});
});

describe('nodes panel', () => {
	it('files the action under the same category, subcategory and search words as the trigger', () => {
		expect(actionCodex.node).toBe(ACTION_TYPE);
		expect(actionCodex.categories).toEqual(triggerCodex.categories);
		expect((actionCodex as { subcategories?: unknown }).subcategories).toEqual(triggerCodex.subcategories);
		expect((actionCodex as { alias?: string[] }).alias).toEqual(expect.arrayContaining(['ecommerce', 'product', 'order', 'customer']));
	});
});

describe('range filters', () => {
	it('list the lower bound before the upper one, keeping the saved parameter names', () => {
		expect(filterNames('product')).toEqual(
			expect.arrayContaining(['Inventory Level At Least=minInventoryLevel', 'Inventory Level At Most=maxInventoryLevel']),
		);
		for (const resource of ['product', 'customer', 'order']) {
			const names = filterNames(resource);
			const at = (name: string) => names.findIndex((entry) => entry.endsWith(`=${name}`));
			for (const [min, max] of [
				['minDateCreated', 'maxDateCreated'],
				['minDateModified', 'maxDateModified'],
				['minInventoryLevel', 'maxInventoryLevel'],
			]) {
				if (at(min) === -1 && at(max) === -1) continue;
				expect([resource, at(min) >= 0, at(min) < at(max)]).toEqual([resource, true, true]);
			}
		}
		expect(filterNames('order')).toEqual(
			expect.arrayContaining([
				'Created After=minDateCreated',
				'Created Before=maxDateCreated',
				'Modified After=minDateModified',
				'Modified Before=maxDateModified',
			]),
		);
		expect(filterNames('customer')).toEqual(
			expect.arrayContaining(['Created After=minDateCreated', 'Created Before=maxDateCreated']),
		);
		expect(filterNames('product')).toEqual(
			expect.arrayContaining(['Modified After=minDateModified', 'Modified Before=maxDateModified']),
		);
	});
});

describe('Get Many', () => {
	it('says on every Get Many that it runs once per input item and how to run it once', () => {
		const operations = properties.filter((property) => property.name === 'operation');
		const getManyResources = operations
			.filter((list) => optionsOf(list).some((option) => option.value === 'getAll'))
			.map((list) => (list.displayOptions?.show?.resource as string[])[0]);
		// Every resource with a Get Many.
		expect([...getManyResources].sort()).toEqual(
			Object.entries(resources)
				.filter(([, definition]) => 'getAll' in definition)
				.map(([resource]) => resource)
				.sort(),
		);
		for (const resource of getManyResources) {
			const notice = properties.find(
				(property) =>
					property.type === 'notice' &&
					(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
					(property.displayOptions?.show?.operation as string[] | undefined)?.includes('getAll'),
			);
			expect([resource, notice?.displayName]).toEqual([
				resource,
				expect.stringMatching(/once per input item.*Settings > Execute Once/),
			]);
		}
	});
});

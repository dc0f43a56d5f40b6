import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Options that add a product's sub-resources to its record. */
export const includeOptions: INodeProperties[] = [
	{
		displayName: 'Include Custom Fields',
		name: 'includeCustomFields',
		type: 'boolean',
		default: false,
		description: "Whether to add the product's custom fields",
	},
	{
		displayName: 'Include Images',
		name: 'includeImages',
		type: 'boolean',
		default: false,
		description: "Whether to add the product's images and their URLs",
	},
	{
		displayName: 'Include Variants',
		name: 'includeVariants',
		type: 'boolean',
		default: false,
		description: "Whether to add the product's variants (SKUs, prices and stock of each option combination)",
	},
];

/** BigCommerce's `include` list for the chosen options, or undefined for none. */
export function includeParameter(options: IDataObject): string | undefined {
	const include = [
		options.includeVariants === true ? 'variants' : undefined,
		options.includeImages === true ? 'images' : undefined,
		options.includeCustomFields === true ? 'custom_fields' : undefined,
	].filter(Boolean);
	return include.length ? include.join(',') : undefined;
}

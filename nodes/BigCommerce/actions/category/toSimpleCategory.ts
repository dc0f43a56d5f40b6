import type { IDataObject } from 'n8n-workflow';

/** A category tree record, flat: its ID, place in the tree, visibility and storefront URL. */
export function toSimpleCategory(category: IDataObject): IDataObject {
	const url = (category.url ?? {}) as IDataObject;
	return {
		id: category.category_id,
		name: category.name,
		parent_id: category.parent_id,
		tree_id: category.tree_id,
		is_visible: category.is_visible,
		sort_order: category.sort_order,
		url: url.path,
		page_title: category.page_title,
		description: category.description,
		image_url: category.image_url,
	};
}

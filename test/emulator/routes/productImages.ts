// /v3/catalog/products/{id}/images: create (from a URL as JSON, or a file as multipart/form-data),
// get one and delete. The list is in catalog.ts.

import { NO_CONTENT, isObject, isoDate, parseId, v3Data, v3Error, type Ctx } from '../http';
import { MAX_IMAGE_FILE_BYTES, MultipartForm, sniffImageType, storedFileName } from '../model/productImages';
import { serializeImage } from '../model/products';
import type { Router } from '../router';
import type { Product, ProductImage } from '../types';

const MAX_IMAGES_PER_PRODUCT = 1000;
const MAX_URL_LENGTH = 255;
const IMAGES_PATH = /^\/v3\/catalog\/products\/[^/]+\/images$/;

/** The one request that takes multipart/form-data: a product image upload. */
export function acceptsMultipart(method: string, path: string): boolean {
	return method === 'POST' && IMAGES_PATH.test(path);
}

function productOr404(ctx: Ctx): Product {
	const id = parseId(ctx.params.id);
	const product = id === null ? undefined : ctx.core.state.products.get(id);
	if (!product) throw v3Error(404, `Product with id ${ctx.params.id} not found.`);
	return product;
}

function imageOr404(ctx: Ctx, product: Product): ProductImage {
	const id = parseId(ctx.params.imageId);
	const image = id === null ? undefined : product.images.find((candidate) => candidate.id === id);
	if (!image) throw v3Error(404, `Image with id ${ctx.params.imageId} not found.`);
	return image;
}

interface ImageInput {
	description?: unknown;
	is_thumbnail?: unknown;
	sort_order?: unknown;
}

/** A multipart form's text fields read as the JSON fields they stand for. */
export function formFieldValues(form: MultipartForm): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const [name, text] of Object.entries(form.fields)) {
		if (name === 'is_thumbnail') values[name] = text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : text;
		else if (name === 'sort_order' || name === 'product_id') values[name] = /^-?\d+$/.test(text) ? Number(text) : text;
		else values[name] = text;
	}
	return values;
}

/** What the request log shows of an upload: its fields, and the file by name. */
export function multipartLogView(form: MultipartForm): Record<string, unknown> {
	const files = Object.fromEntries(Object.entries(form.files).map(([name, file]) => [name, file.filename]));
	return { ...formFieldValues(form), ...files };
}

function checkFields(input: ImageInput): void {
	const errors: Record<string, string> = {};
	if (input.description !== undefined && typeof input.description !== 'string') errors.description = 'description must be a string';
	if (input.is_thumbnail !== undefined && typeof input.is_thumbnail !== 'boolean') errors.is_thumbnail = 'is_thumbnail must be a boolean';
	if (input.sort_order !== undefined && !(Number.isInteger(input.sort_order) && Math.abs(input.sort_order as number) <= 2147483647)) {
		errors.sort_order = 'sort_order must be an integer';
	}
	if (Object.keys(errors).length) throw v3Error(422, 'The product image was not valid.', errors);
}

function addImage(
	ctx: Ctx,
	product: Product,
	input: ImageInput,
	sourceOf: (imageId: number) => Pick<ProductImage, 'image_url' | 'upload'>,
): ProductImage {
	if (product.images.length >= MAX_IMAGES_PER_PRODUCT) {
		throw v3Error(422, `A product can have at most ${MAX_IMAGES_PER_PRODUCT} images.`);
	}
	const id = ctx.core.state.nextSeq('image');
	const image: ProductImage = {
		id,
		product_id: product.id,
		is_thumbnail: input.is_thumbnail === true,
		sort_order: typeof input.sort_order === 'number' ? input.sort_order : product.images.length,
		description: typeof input.description === 'string' ? input.description : '',
		date_modified: isoDate(Date.now()),
		...sourceOf(id),
	};
	// A product has one thumbnail: the new one takes over.
	if (image.is_thumbnail) for (const other of product.images) other.is_thumbnail = false;
	product.images = [...product.images, image];
	product.date_modified = image.date_modified;
	ctx.core.emit('store/product/updated', { type: 'product', id: product.id });
	return image;
}

function createFromFile(ctx: Ctx, product: Product, form: MultipartForm): ProductImage {
	const file = form.files.image_file;
	if (!file) {
		throw v3Error(422, form.fields.image_url !== undefined ? 'image_url must be sent as application/json, not as a form field.' : 'image_file is required.', {
			image_file: 'image_file must be a file field of the form',
		});
	}
	if (file.content.length > MAX_IMAGE_FILE_BYTES) {
		throw v3Error(413, 'The image file is too large: the limit is 8 MB.', { image_file: 'image_file must be at most 8 MB' });
	}
	const type = sniffImageType(file.content);
	if (!type) {
		throw v3Error(422, 'The image file is not a supported image type.', {
			image_file: 'Supported image file types are BMP, GIF, JPEG, PNG, WBMP, XBM and WEBP',
		});
	}
	const input = formFieldValues(form);
	checkFields(input);
	return addImage(ctx, product, input, (imageId) => ({
		image_url: '',
		upload: { image_file: storedFileName(imageId, file.filename, type.extension), size: file.content.length, mime_type: type.mimeType },
	}));
}

function createFromUrl(ctx: Ctx, product: Product, input: Record<string, unknown>): ProductImage {
	if (input.image_file !== undefined) {
		throw v3Error(422, 'image_file must be uploaded as multipart/form-data.', { image_file: 'send the file as multipart/form-data' });
	}
	const url = input.image_url;
	if (typeof url !== 'string' || url === '') {
		throw v3Error(422, 'image_url must be present if uploading by url', { image_url: 'image_url is required' });
	}
	if (url.length > MAX_URL_LENGTH || !/^https?:\/\/[^\s/]+\/\S*$/i.test(url)) {
		throw v3Error(422, 'The product image was not valid.', { image_url: `image_url must be a fully qualified URL of at most ${MAX_URL_LENGTH} characters` });
	}
	checkFields(input);
	return addImage(ctx, product, input, () => ({ image_url: url }));
}

export function registerProductImages(router: Router): void {
	router
		.post('/v3/catalog/products/:id/images', (ctx) => {
			const product = productOr404(ctx);
			if (ctx.body instanceof MultipartForm) return v3Data(serializeImage(createFromFile(ctx, product, ctx.body)));
			if (!isObject(ctx.body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'the body must be an object' });
			return v3Data(serializeImage(createFromUrl(ctx, product, ctx.body)));
		})
		.get('/v3/catalog/products/:id/images/:imageId', (ctx) => {
			const product = productOr404(ctx);
			return v3Data(serializeImage(imageOr404(ctx, product)));
		})
		.delete('/v3/catalog/products/:id/images/:imageId', (ctx) => {
			const product = productOr404(ctx);
			const image = imageOr404(ctx, product);
			product.images = product.images.filter((candidate) => candidate !== image);
			product.date_modified = isoDate(Date.now());
			ctx.core.emit('store/product/updated', { type: 'product', id: product.id });
			return NO_CONTENT;
		});
}

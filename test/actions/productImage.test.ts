// Product images: create from a URL or an n8n binary file (multipart upload), get many and
// delete, through WorkflowExecute against the store emulator.

import type { IBinaryData, IBinaryKeyData } from 'n8n-workflow';
import { deflateSync } from 'zlib';

import { detectImageFormat, multipartBody, safeFileName } from '../../nodes/BigCommerce/actions/productImage/imageFile';
import { parseMultipart } from '../emulator/model/productImages';
import { useStore } from '../helpers/store';
import { jsonOf } from '../helpers/workflow';
import { byId, productNamed } from './catalogFixtures';

const store = useStore({ resource: 'productImage', fresh: 'store' });

const jar = () => productNamed(store.emulator, '[Sample] Pickle Jar T-Shirt');
const imagesOf = (productId: number) => store.emulator.state.products.get(productId)!.images;

function crc32(bytes: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** A real PNG of width x height grey pixels; `padding` adds a private chunk to grow the file. */
function png(width: number, height: number, padding = 0): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
		return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	const rows = Buffer.alloc((width + 1) * height, 0x80);
	for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		...(padding ? [chunk('prVt', Buffer.alloc(padding, 7))] : []),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

function file(content: Buffer, fileName: string, mimeType: string): IBinaryData {
	return { data: content.toString('base64'), fileName, mimeType, bytes: content.length } as IBinaryData;
}

const photo = png(32, 24);

function createFromFile(extra: Record<string, unknown> = {}) {
	return { operation: 'create', productId: byId(jar().id), source: 'binaryFile', binaryPropertyName: 'data', ...extra };
}

describe('productImage create from a binary file', () => {
	it('uploads the file as multipart/form-data and the image reads back on the product', async () => {
		const result = await store.run(
			createFromFile({ additionalFields: { description: 'Jar, front', is_thumbnail: true, sort_order: 3 } }),
			{ binary: [{ data: file(photo, 'jar-front.png', 'image/png') }] },
		);

		expect(result.error).toBeUndefined();
		const images = imagesOf(jar().id);
		const uploaded = images[images.length - 1];
		expect(uploaded.upload).toEqual({ image_file: expect.stringMatching(/^[a-z]\/\d{3}\/jar-front__\d{5}\.png$/), size: photo.length, mime_type: 'image/png' });
		expect(uploaded).toEqual(expect.objectContaining({ description: 'Jar, front', is_thumbnail: true, sort_order: 3 }));
		// One thumbnail per product: the upload took it over.
		expect(images.filter((image) => image.is_thumbnail)).toEqual([uploaded]);
		expect(store.requestLines()).toEqual([`POST /v3/catalog/products/${jar().id}/images`]);
		expect(store.emulator.requests[0].body).toEqual({ description: 'Jar, front', is_thumbnail: true, sort_order: 3, image_file: 'jar-front.png' });
		expect(jsonOf(result)).toEqual([
			{
				id: uploaded.id,
				product_id: jar().id,
				is_thumbnail: true,
				sort_order: 3,
				description: 'Jar, front',
				url: expect.stringMatching(new RegExp(`/products/${jar().id}/images/${uploaded.id}/jar-front__\\d{5}\\.\\d+\\.386\\.513\\.png\\?c=1$`)),
				thumbnail_url: expect.stringContaining('.220.290.png'),
				date_modified: expect.any(String),
			},
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });

		// A Product Get with images shows it.
		const read = await store.run({ resource: 'product', operation: 'get', productId: byId(jar().id), simplify: false, options: { includeImages: true } });
		const readImages = jsonOf(read)[0].images as Array<Record<string, unknown>>;
		expect(readImages.find((image) => image.id === uploaded.id)).toEqual(
			expect.objectContaining({ image_file: uploaded.upload!.image_file, url_zoom: expect.stringContaining('.1280.1280.png'), is_thumbnail: true }),
		);
	});

	it('sends a JPEG labelled as octet-stream as image/jpeg, named after its content when it has no name, without a false thumbnail flag', async () => {
		const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 1), Buffer.from([0xff, 0xd9])]);
		const binary: IBinaryKeyData = { data: { data: jpeg.toString('base64'), mimeType: 'application/octet-stream' } as IBinaryData };

		const result = await store.run(createFromFile({ simplify: false, additionalFields: { is_thumbnail: false, sort_order: 0 } }), { binary: [binary] });

		expect(result.error).toBeUndefined();
		expect(store.emulator.requests[0].body).toEqual({ sort_order: 0, image_file: 'image.jpg' });
		const images = imagesOf(jar().id);
		expect(images[images.length - 1].upload).toEqual(expect.objectContaining({ size: jpeg.length, mime_type: 'image/jpeg', image_file: expect.stringMatching(/\/image__\d{5}\.jpg$/) }));
		expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ image_file: expect.stringMatching(/image__\d{5}\.jpg$/), url_tiny: expect.any(String) }));
	});

	it('refuses a text file named .jpg before any request, naming the item', async () => {
		const text = Buffer.from('<html><body>Not found</body></html>');

		const result = await store.run(createFromFile(), {
			input: [{}, {}],
			binary: [{ data: file(photo, 'ok.png', 'image/png') }, { data: file(text, 'photo.jpg', 'image/jpeg') }],
		});

		expect(result.error?.message).toBe('"photo.jpg" is not an image: its content is not BMP, GIF, JPEG, PNG, WBMP, WebP or XBM');
		expect(result.error?.description).toMatch(/labelled image\/jpeg/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(store.requestLines()).toEqual([]);
	});

	it('refuses a file labelled as another type (a PDF) before any request', async () => {
		const result = await store.run(createFromFile(), { binary: [{ data: file(Buffer.from('%PDF-1.7\n'), 'sheet.pdf', 'application/pdf') }] });

		expect(result.error?.message).toBe('"sheet.pdf" is application/pdf, not an image BigCommerce accepts');
		expect(store.requestLines()).toEqual([]);
	});

	it('refuses a file over 8 MB before any request, whether or not its size is recorded', async () => {
		const big = png(16, 16, 8 * 1024 * 1024);
		const unrecorded = { ...file(big, 'poster.png', 'image/png'), bytes: undefined } as IBinaryData;

		for (const data of [file(big, 'poster.png', 'image/png'), unrecorded]) {
			const result = await store.run(createFromFile(), { binary: [{ data }] });
			expect(result.error?.message).toBe('"poster.png" is 8.0 MB; BigCommerce takes images of at most 8 MB');
			expect(result.error?.context?.itemIndex).toBe(0);
		}
		expect(store.requestLines()).toEqual([]);
	});

	it('names a missing binary field and the fields the item has', async () => {
		const result = await store.run(createFromFile({ binaryPropertyName: 'photo' }), { binary: [{ data: file(photo, 'a.png', 'image/png') }] });

		expect(result.error?.message).toBe('The item has no binary field "photo" (Input Data Field Name)');
		expect(result.error?.description).toBe('Its binary fields are: data. Put one of them in Input Data Field Name.');
		expect(store.requestLines()).toEqual([]);
	});

	it('with Continue On Fail uploads the good files and gives each bad one its own error', async () => {
		const before = imagesOf(jar().id).length;

		const result = await store.run(createFromFile(), {
			input: [{}, {}, {}, {}],
			binary: [
				{ data: file(photo, 'one.png', 'image/png') },
				{ data: file(Buffer.from('plain text'), 'two.gif', 'image/gif') },
				undefined,
				{ data: file(png(8, 8), 'four.png', 'image/png') },
			],
			continueOnFail: true,
		});

		const out = jsonOf(result);
		expect(out).toHaveLength(4);
		expect(out[0]).toEqual(expect.objectContaining({ product_id: jar().id }));
		expect(out[1].error).toBe('"two.gif" is not an image: its content is not BMP, GIF, JPEG, PNG, WBMP, WebP or XBM');
		expect(out[2].error).toBe('The item has no binary field "data" (Input Data Field Name)');
		expect(out[3]).toEqual(expect.objectContaining({ product_id: jar().id }));
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(imagesOf(jar().id).length).toBe(before + 2);
		expect(store.requestLines()).toHaveLength(2);
	});

	it('does not send a file again when the answer is lost, and says it may have been created', async () => {
		const path = `/v3/catalog/products/${jar().id}/images`;
		store.emulator.setFaults([{ kind: 'reset-after-commit', method: 'POST', path, count: 1 }]);
		const before = imagesOf(jar().id).length;

		const result = await store.run(createFromFile(), { binary: [{ data: file(photo, 'lost.png', 'image/png') }] });

		expect(result.error?.message).toBe('Could not reach BigCommerce: the connection was reset');
		expect(result.error?.description).toMatch(/^The image "lost\.png" may have been created/);
		expect(store.emulator.countRequests({ method: 'POST' })).toBe(1);
		expect(imagesOf(jar().id).length).toBe(before + 1);
	});

	it('reports BigCommerce refusing an upload to a product that does not exist', async () => {
		const result = await store.run(createFromFile({ productId: byId(999999) }), { binary: [{ data: file(photo, 'a.png', 'image/png') }] });

		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^Not found: Product with id 999999 not found/);
	});
});

describe('productImage create from a URL', () => {
	const url = 'https://cdn.example.com/photos/jar-side.jpg';

	it('sends the URL as JSON and the image reads back on the product', async () => {
		const result = await store.run({
			operation: 'create',
			productId: byId(jar().id),
			source: 'url',
			imageUrl: url,
			additionalFields: { description: 'Side' },
		});

		expect(result.error).toBeUndefined();
		expect(store.requestLines()).toEqual([`POST /v3/catalog/products/${jar().id}/images`]);
		expect(store.emulator.requests[0].body).toEqual({ description: 'Side', image_url: url });
		const images = imagesOf(jar().id);
		expect(images[images.length - 1]).toEqual(expect.objectContaining({ image_url: url, description: 'Side' }));
		expect(images[images.length - 1].upload).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: images[images.length - 1].id, url })]);
	});

	it('refuses a URL that is not an http(s) address, or too long, before any request', async () => {
		for (const [imageUrl, message] of [
			['ftp://example.com/a.jpg', 'Image URL must be a public http(s) address, got "ftp://example.com/a.jpg"'],
			['not a url', 'Image URL must be a public http(s) address, got "not a url"'],
			[`https://example.com/${'a'.repeat(250)}.jpg`, 'Image URL is 274 characters long; BigCommerce takes at most 255'],
		]) {
			const result = await store.run({ operation: 'create', productId: byId(jar().id), source: 'url', imageUrl });
			expect(result.error?.message).toBe(message);
		}
		expect(store.requestLines()).toEqual([]);
	});

	/** Creates the image from `url` while the first POST of it meets the fault. */
	async function createThrough(kind: 'reset' | 'reset-after-commit') {
		const path = `/v3/catalog/products/${jar().id}/images`;
		store.emulator.setFaults([{ kind, method: 'POST', path, count: 1 }]);
		const before = imagesOf(jar().id).length;
		const result = await store.run({ operation: 'create', productId: byId(jar().id), source: 'url', imageUrl: url });
		expect(result.error).toBeUndefined();
		expect(imagesOf(jar().id).length).toBe(before + 1);
		return { path, result, created: imagesOf(jar().id)[before] };
	}

	it('sends the URL again when the connection failed and the image is not on the product', async () => {
		const { path } = await createThrough('reset');

		expect(store.requestLines()).toEqual([`POST ${path}`, `GET ${path}`, `POST ${path}`]);
	});

	it('finds the image after a lost answer instead of sending it twice', async () => {
		const { path, result, created } = await createThrough('reset-after-commit');

		expect(store.requestLines()).toEqual([`POST ${path}`, `GET ${path}`]);
		// The list does not carry the URL (see the Get test): the image is found by its stored file name.
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: created.id, url })]);
	});
});

describe('productImage get, getAll and delete', () => {
	/** Images from URLs put straight into the store. */
	function addViews(productId: number, count: number): void {
		const product = store.emulator.state.products.get(productId)!;
		const views = Array.from({ length: count }, (_, n) => ({
			id: 10_000 + n,
			product_id: productId,
			is_thumbnail: false,
			sort_order: n,
			description: `view ${n}`,
			image_url: `https://cdn.example.com/views/${n}.jpg`,
			date_modified: '2026-01-01T00:00:00+00:00',
		}));
		product.images = [...product.images, ...views];
	}

	it("lists all of a product's images over several pages, and Limit reads no more pages than needed", async () => {
		const product = jar();
		addViews(product.id, 260);
		const total = imagesOf(product.id).length;

		const all = await store.run({ operation: 'getAll', productId: byId(product.id), returnAll: true });

		expect(all.error).toBeUndefined();
		expect(jsonOf(all).map((image) => image.id)).toEqual(imagesOf(product.id).map((image) => image.id));
		expect(store.requestLines({ query: true })).toEqual([
			`GET /v3/catalog/products/${product.id}/images?limit=250&page=1`,
			`GET /v3/catalog/products/${product.id}/images?limit=250&page=2`,
		]);
		expect(total).toBeGreaterThan(250);

		store.emulator.clearRequests();
		const some = await store.run({ operation: 'getAll', productId: byId(product.id), limit: 5, simplify: false });
		expect(jsonOf(some)).toHaveLength(5);
		expect(jsonOf(some)[0]).toEqual(expect.objectContaining({ url_zoom: expect.any(String), image_file: expect.any(String) }));
		expect(store.requestLines({ query: true })).toEqual([`GET /v3/catalog/products/${product.id}/images?limit=5&page=1`]);
	});

	it('gets one image, simplified or whole', async () => {
		addViews(jar().id, 1);
		const [view] = imagesOf(jar().id);

		const simple = await store.run({ operation: 'get', productId: byId(jar().id), imageId: String(view.id) });
		const whole = await store.run({ operation: 'get', productId: byId(jar().id), imageId: String(view.id), simplify: false });

		expect(jsonOf(simple)).toEqual([
			{ id: view.id, product_id: jar().id, is_thumbnail: false, sort_order: 0, description: 'view 0', url: view.image_url, thumbnail_url: view.image_url, date_modified: '2026-01-01T00:00:00.000Z' },
		]);
		expect(jsonOf(whole)).toEqual([expect.objectContaining({ id: view.id, image_file: expect.stringMatching(/^[a-z]\/\d{3}\/0__\d{5}\.jpg$/), url_tiny: view.image_url })]);
		// As BigCommerce answers: the stored file's name, not the address it was downloaded from.
		expect(jsonOf(whole)[0]).not.toHaveProperty('image_url');
		expect(store.requestLines()).toEqual([`GET /v3/catalog/products/${jar().id}/images/${view.id}`, `GET /v3/catalog/products/${jar().id}/images/${view.id}`]);
	});

	it('deletes an image by ID, and reports a missing one as 404', async () => {
		addViews(jar().id, 2);
		const [first] = imagesOf(jar().id);

		const result = await store.run({ operation: 'delete', productId: byId(jar().id), imageId: String(first.id) });

		expect(jsonOf(result)).toEqual([{ deleted: true, id: first.id, product_id: jar().id }]);
		expect(imagesOf(jar().id).find((image) => image.id === first.id)).toBeUndefined();
		expect(store.requestLines()).toEqual([`DELETE /v3/catalog/products/${jar().id}/images/${first.id}`]);

		const again = await store.run({ operation: 'delete', productId: byId(jar().id), imageId: String(first.id) });
		expect(again.error?.httpCode).toBe('404');
	});

	it('refuses an image ID that is not a number before any request', async () => {
		const result = await store.run({ operation: 'delete', productId: byId(jar().id), imageId: 'front' });

		expect(result.error?.message).toBe('Image ID must be a positive whole number, got "front"');
		expect(store.requestLines()).toEqual([]);
	});
});

describe('the emulator refuses uploads as BigCommerce does', () => {
	async function post(body: Buffer | string, contentType: string) {
		const { emulator } = store;
		return await fetch(`${emulator.baseUrl}/stores/${emulator.storeHash}/v3/catalog/products/${jar().id}/images`, {
			method: 'POST',
			// Not marked invalid: their shape is what the spec describes; the size and content are what is refused.
			headers: { 'X-Auth-Token': emulator.token, Accept: 'application/json', 'Content-Type': contentType },
			body,
		});
	}

	it('answers 413 for a file over 8 MB and 422 for a file that is not an image', async () => {
		const big = multipartBody([], { field: 'image_file', fileName: 'big.png', contentType: 'image/png', content: png(4, 4, 8 * 1024 * 1024) });
		const tooBig = await post(big.content, big.contentType);
		expect(tooBig.status).toBe(413);

		const text = multipartBody([['description', 'x']], { field: 'image_file', fileName: 'a.jpg', contentType: 'image/jpeg', content: Buffer.from('hello') });
		const notImage = await post(text.content, text.contentType);
		expect(notImage.status).toBe(422);
		expect(await notImage.json()).toEqual(expect.objectContaining({ status: 422, title: 'The image file is not a supported image type.' }));

		const noUrl = await post(JSON.stringify({ description: 'no url' }), 'application/json');
		expect(noUrl.status).toBe(422);
		expect(imagesOf(jar().id).some((image) => image.description === 'no url' || image.description === 'x')).toBe(false);
	});
});

describe('image file helpers', () => {
	it('recognises the formats BigCommerce takes by their bytes', () => {
		const wbmp = Buffer.from([0, 0, 8, 2, 0xff, 0x00]);
		const xbm = Buffer.from('#define dot_width 1\n#define dot_height 1\nstatic char dot_bits[] = { 0x01 };\n');
		const bmp = Buffer.alloc(40);
		bmp.write('BM', 0, 'latin1');
		bmp.writeUInt32LE(40, 14);
		expect(detectImageFormat(png(1, 1))?.name).toBe('PNG');
		expect(detectImageFormat(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))?.name).toBe('GIF');
		expect(detectImageFormat(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))?.name).toBe('WebP');
		expect(detectImageFormat(bmp)?.name).toBe('BMP');
		expect(detectImageFormat(wbmp)?.name).toBe('WBMP');
		expect(detectImageFormat(xbm)?.name).toBe('XBM');
		expect(detectImageFormat(Buffer.from([0, 0, 8, 2, 0xff]))).toBeUndefined();
		expect(detectImageFormat(Buffer.from('BMX not a bitmap'))).toBeUndefined();
		expect(detectImageFormat(Buffer.alloc(0))).toBeUndefined();
	});

	it('builds a multipart body the emulator parses back byte for byte, with a safe file name', () => {
		const content = png(3, 3);
		const fileName = safeFileName('dir/"evil"\r\nX-Header: 1.png', detectImageFormat(content)!);
		expect(fileName).toBe('_evil___X-Header: 1.png');

		const body = multipartBody([['description', 'Ünïcode'], ['sort_order', '2']], { field: 'image_file', fileName, contentType: 'image/png', content });
		const form = parseMultipart(body.content, body.contentType);

		expect(form.fields).toEqual({ description: 'Ünïcode', sort_order: '2' });
		expect(form.files.image_file.filename).toBe(fileName);
		expect(form.files.image_file.content.equals(content)).toBe(true);
	});
});

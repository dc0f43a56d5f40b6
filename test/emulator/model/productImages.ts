// Product images uploaded as files: the multipart/form-data body they come in, the file types
// BigCommerce takes (read from the bytes, as a server must), and the CDN-style URLs it answers.

import type { ProductImage } from '../types';

export interface FormFile {
	filename: string;
	contentType: string;
	content: Buffer;
}

/** A parsed multipart/form-data body: text fields and files by field name. */
export class MultipartForm {
	readonly fields: Record<string, string> = {};
	readonly files: Record<string, FormFile> = {};
}

/** Parses a multipart/form-data body (RFC 7578); throws on anything malformed. */
export function parseMultipart(body: Buffer, contentType: string): MultipartForm {
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2];
	if (!boundary) throw new Error('the Content-Type has no boundary');
	const delimiter = Buffer.from(`--${boundary}`);
	const form = new MultipartForm();
	let at = body.indexOf(delimiter);
	if (at < 0) throw new Error('the body has no part');
	for (;;) {
		at += delimiter.length;
		if (body.subarray(at, at + 2).toString('latin1') === '--') return form;
		if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') throw new Error('a boundary is not followed by a line break');
		at += 2;
		const headerEnd = body.indexOf('\r\n\r\n', at);
		if (headerEnd < 0) throw new Error('a part has no end of headers');
		const headers: Record<string, string> = {};
		for (const line of body.subarray(at, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const contentStart = headerEnd + 4;
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), contentStart);
		if (next < 0) throw new Error('a part is not closed by the boundary');
		const content = body.subarray(contentStart, next);
		const disposition = headers['content-disposition'] ?? '';
		const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
		if (!/^form-data\b/i.test(disposition) || name === undefined) throw new Error('a part has no form-data name');
		const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
		if (filename !== undefined) {
			form.files[name] = { filename, contentType: headers['content-type'] ?? 'application/octet-stream', content: Buffer.from(content) };
		} else {
			form.fields[name] = content.toString('utf8');
		}
		at = next + 2;
	}
}

/** BigCommerce's limit on an image file: 8 MB. */
export const MAX_IMAGE_FILE_BYTES = 8 * 1024 * 1024;

/** The type of an image file from its first bytes, for the types BigCommerce takes; null otherwise. */
export function sniffImageType(bytes: Buffer): { mimeType: string; extension: string } | null {
	const text = (start: number, end: number) => (bytes.length >= end ? bytes.toString('latin1', start, end) : '');
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mimeType: 'image/jpeg', extension: 'jpg' };
	if (text(0, 8) === '\x89PNG\r\n\x1a\n') return { mimeType: 'image/png', extension: 'png' };
	if (text(0, 6) === 'GIF87a' || text(0, 6) === 'GIF89a') return { mimeType: 'image/gif', extension: 'gif' };
	if (text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP') return { mimeType: 'image/webp', extension: 'webp' };
	if (text(0, 2) === 'BM' && bytes.length >= 26) return { mimeType: 'image/bmp', extension: 'bmp' };
	if (/^\s*(\/\*[\s\S]*?\*\/\s*)?#define\s+\S*width\s+\d+/.test(text(0, Math.min(bytes.length, 512)))) {
		return { mimeType: 'image/x-xbitmap', extension: 'xbm' };
	}
	if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] > 0 && bytes[3] > 0) return { mimeType: 'image/vnd.wap.wbmp', extension: 'wbmp' };
	return null;
}

/** A stored file's name as BigCommerce forms it: `<letter>/<3 digits>/<name>__<5 digits>.<ext>`. */
export function storedFileName(imageId: number, filename: string, extension: string): string {
	const stem = filename.replace(/\.[A-Za-z0-9]{2,5}$/, '').replace(/[^A-Za-z0-9_-]+/g, '_') || 'image';
	const letter = String.fromCharCode(97 + (imageId % 26));
	const folder = String(100 + ((imageId * 37) % 900));
	const suffix = String(10000 + ((imageId * 7919) % 90000));
	return `${letter}/${folder}/${stem}__${suffix}.${extension}`;
}

/** Where BigCommerce stores an image it downloaded: named after the URL's file, as an upload is. */
export function downloadedFileName(img: ProductImage): string {
	const file = img.image_url.split('?')[0].split('/').pop() ?? '';
	if (file === '') return '';
	const extension = /\.([A-Za-z0-9]{2,5})$/.exec(file)?.[1].toLowerCase() ?? 'jpg';
	return storedFileName(img.id, file, extension);
}

/** The four sizes of an uploaded image on the store's CDN. */
export function uploadedImageUrls(img: ProductImage & { upload: NonNullable<ProductImage['upload']> }): Record<string, string> {
	const file = img.upload.image_file.split('/').pop() as string;
	const dot = file.lastIndexOf('.');
	const stem = file.slice(0, dot);
	const extension = file.slice(dot + 1);
	const stamp = Math.floor(Date.parse(img.date_modified) / 1000);
	const base = `https://cdn11.bigcommerce.com/s-emulator/products/${img.product_id}/images/${img.id}/${stem}.${stamp}`;
	const size = (width: number, height: number) => `${base}.${width}.${height}.${extension}?c=1`;
	return { url_zoom: size(1280, 1280), url_standard: size(386, 513), url_thumbnail: size(220, 290), url_tiny: size(44, 58) };
}

import { randomBytes } from 'crypto';

/** BigCommerce's limit on an image file, and on an image it downloads from a URL: 8 MB. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export interface ImageFormat {
	name: string;
	/** The MIME type the file is sent with. */
	mimeType: string;
	/** Other names of the same type that files may be labelled with. */
	aliases: string[];
	extension: string;
	/** Whether the file's first bytes are this format's signature. */
	matches: (bytes: Buffer) => boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// The sizes of the BMP info headers in use (OS/2 1.x up to BITMAPV5HEADER).
const BMP_INFO_HEADER_SIZES = [12, 40, 52, 56, 64, 108, 124];

function ascii(bytes: Buffer, start: number, end: number): string {
	return bytes.length >= end ? bytes.toString('latin1', start, end) : '';
}

/** A WBMP multi-byte integer at `offset`: 7 bits a byte, high bit set on all but the last. */
function readUintVar(bytes: Buffer, offset: number): { value: number; next: number } | undefined {
	let value = 0;
	for (let at = offset; at < bytes.length && at < offset + 4; at++) {
		value = value * 128 + (bytes[at] & 0x7f);
		if ((bytes[at] & 0x80) === 0) return { value, next: at + 1 };
	}
	return undefined;
}

/** WBMP has no signature: type 0 and a zero header byte, then a size that must fit the file. */
function isWbmp(bytes: Buffer): boolean {
	if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) return false;
	const width = readUintVar(bytes, 2);
	const height = width && readUintVar(bytes, width.next);
	if (!width || !height || width.value < 1 || height.value < 1) return false;
	return bytes.length === height.next + Math.ceil(width.value / 8) * height.value;
}

/** XBM is C source text: `#define <name>_width <n>`, after an optional comment. */
function isXbm(bytes: Buffer): boolean {
	const head = bytes.toString('latin1', 0, Math.min(bytes.length, 1024));
	return /^\s*(\/\*[\s\S]*?\*\/\s*)?#define\s+\S*width\s+\d+\s/.test(head);
}

/** The formats BigCommerce accepts for a product image. */
export const IMAGE_FORMATS: ImageFormat[] = [
	{
		name: 'JPEG',
		mimeType: 'image/jpeg',
		aliases: ['image/jpg', 'image/pjpeg'],
		extension: 'jpg',
		matches: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
	},
	{
		name: 'PNG',
		mimeType: 'image/png',
		aliases: ['image/x-png'],
		extension: 'png',
		matches: (b) => b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE),
	},
	{
		name: 'GIF',
		mimeType: 'image/gif',
		aliases: [],
		extension: 'gif',
		matches: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a',
	},
	{
		name: 'WebP',
		mimeType: 'image/webp',
		aliases: [],
		extension: 'webp',
		matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
	},
	{
		name: 'BMP',
		mimeType: 'image/bmp',
		aliases: ['image/x-bmp', 'image/x-ms-bmp'],
		extension: 'bmp',
		matches: (b) => ascii(b, 0, 2) === 'BM' && b.length >= 18 && BMP_INFO_HEADER_SIZES.includes(b.readUInt32LE(14)),
	},
	{
		name: 'WBMP',
		mimeType: 'image/vnd.wap.wbmp',
		aliases: [],
		extension: 'wbmp',
		matches: isWbmp,
	},
	{
		name: 'XBM',
		mimeType: 'image/x-xbitmap',
		aliases: ['image/x-xbm'],
		extension: 'xbm',
		matches: isXbm,
	},
];

export const ACCEPTED_FORMATS = 'BMP, GIF, JPEG, PNG, WBMP, WebP or XBM';

/** The accepted format whose signature the file's bytes carry, if any. */
export function detectImageFormat(bytes: Buffer): ImageFormat | undefined {
	return IMAGE_FORMATS.find((format) => format.matches(bytes));
}

/** The accepted format a MIME type names (parameters and letter case ignored), if any. */
export function formatOfMimeType(mimeType: string): ImageFormat | undefined {
	const type = mimeType.split(';')[0].trim().toLowerCase();
	return IMAGE_FORMATS.find((format) => format.mimeType === type || format.aliases.includes(type));
}

/** MIME types that say nothing about the content, so only its bytes decide. */
export function isUnlabelled(mimeType: string | undefined): boolean {
	const type = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	return type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream';
}

/** A file name safe inside a quoted multipart header: no quotes, line breaks or folders. */
export function safeFileName(fileName: string | undefined, format: ImageFormat): string {
	const base = (fileName ?? '').split(/[\\/]/).pop() ?? '';
	const clean = Array.from(base, (char) => (char === '"' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? '_' : char))
		.join('')
		.trim();
	if (clean === '') return `image.${format.extension}`;
	return /\.[A-Za-z0-9]{2,5}$/.test(clean) ? clean : `${clean}.${format.extension}`;
}

export interface MultipartFile {
	field: string;
	fileName: string;
	contentType: string;
	content: Buffer;
}

/** A multipart/form-data body of text fields and one file, with a boundary absent from all of them. */
export function multipartBody(fields: Array<[string, string]>, file: MultipartFile): { content: Buffer; contentType: string } {
	let boundary: string;
	do {
		boundary = `----n8nBigCommerce${randomBytes(16).toString('hex')}`;
	} while (file.content.includes(boundary) || fields.some(([, value]) => value.includes(boundary)));
	const parts: Buffer[] = [];
	for (const [name, value] of fields) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			'utf8',
		),
		file.content,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { content: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

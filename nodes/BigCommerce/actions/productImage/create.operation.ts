import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest, getAllItems, outcomeUnknown } from '../../transport';
import { createOnce } from '../common/createOnce';
import { additionalFieldsCollection, simplifyProperty } from '../common/descriptions';
import { showFor } from '../common/displayOptions';
import { flagField, propertiesOf, readFields, textField, wholeNumberField } from '../common/formFields';
import { readId, refuse, toText } from '../common/inputs';
import { executePerItemReadFirst } from '../common/items';
import { imagesPath, productLocator, toSimpleImage } from './fields';
import {
	ACCEPTED_FORMATS,
	MAX_IMAGE_BYTES,
	detectImageFormat,
	formatOfMimeType,
	isUnlabelled,
	multipartBody,
	safeFileName,
	type ImageFormat,
} from './imageFile';
import { itemParameter } from '../common/parameters';

const MAX_URL_LENGTH = 255;

const optionalFields = [
	textField('Description', 'description', 'Alternative text for the image'),
	flagField('Is Thumbnail', 'is_thumbnail', "Whether this image becomes the one shown in product lists (the product's thumbnail)"),
	wholeNumberField('Sort Order', 'sort_order', 'Where the image comes among the product\'s images: lower numbers first'),
];

const properties: INodeProperties[] = [
	productLocator('The product to add the image to'),
	{
		displayName: 'Image Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'URL', value: 'url', description: 'BigCommerce downloads the image from a public address' },
			{ name: 'Binary File', value: 'binaryFile', description: 'Upload a file of the input item, e.g. from Read Files or HTTP Request' },
		],
		default: 'url',
		description: 'Where the image comes from',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/images/tote.jpg',
		description: `A public HTTP or HTTPS address of the image: ${ACCEPTED_FORMATS}, at most 8 MB`,
		displayOptions: { show: { source: ['url'] } },
	},
	{
		displayName: 'Input Data Field Name',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the image file',
		description: `The file must be ${ACCEPTED_FORMATS}, at most 8 MB`,
		displayOptions: { show: { source: ['binaryFile'] } },
	},
	simplifyProperty,
	additionalFieldsCollection(propertiesOf(optionalFields)),
];

export const description = showFor({ show: { resource: ['productImage'], operation: ['create'] } }, properties);

interface ImageFile {
	property: string;
	fileName: string;
	format: ImageFormat;
}

interface NewImage {
	productId: number;
	fields: IDataObject;
	url?: string;
	file?: ImageFile;
}


function readImageUrl(context: IExecuteFunctions, itemIndex: number): string {
	const url = toText(context, itemParameter(context, 'imageUrl', itemIndex, ''), 'Image URL', itemIndex);
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hostname === '' || /\s/.test(url)) {
		refuse(context, `Image URL must be a public http(s) address, got "${url.slice(0, 60)}"`, itemIndex, 'e.g. https://example.com/images/tote.jpg');
	}
	if (url.length > MAX_URL_LENGTH) {
		refuse(context, `Image URL is ${url.length} characters long; BigCommerce takes at most ${MAX_URL_LENGTH}`, itemIndex);
	}
	return url;
}

function describeSize(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The item's binary field, named when missing, with the fields the item does have. */
function binaryOf(context: IExecuteFunctions, itemIndex: number, property: string): IBinaryData {
	try {
		return context.helpers.assertBinaryData(itemIndex, property);
	} catch {
		const present = Object.keys(context.getInputData()[itemIndex]?.binary ?? {});
		refuse(
			context,
			`The item has no binary field "${property}" (Input Data Field Name)`,
			itemIndex,
			present.length
				? `Its binary fields are: ${present.join(', ')}. Put one of them in Input Data Field Name.`
				: 'The item has no file at all: the node before this one must output the image as binary data, e.g. Read Files or HTTP Request with Response Format File.',
		);
	}
}

/**
 * Checks an item's file before anything is sent: present, within BigCommerce's 8 MB, labelled
 * as an image BigCommerce accepts (or not labelled at all), and with the bytes of one.
 */
async function readImageFile(context: IExecuteFunctions, itemIndex: number): Promise<ImageFile> {
	const property = toText(context, itemParameter(context, 'binaryPropertyName', itemIndex, 'data'), 'Input Data Field Name', itemIndex);
	const binary = binaryOf(context, itemIndex, property);
	const name = binary.fileName ? `"${binary.fileName}"` : `The file in "${property}"`;
	const declared = binary.mimeType ?? '';
	if (!isUnlabelled(declared) && !formatOfMimeType(declared)) {
		refuse(context, `${name} is ${declared}, not an image BigCommerce accepts`, itemIndex, `Product images must be ${ACCEPTED_FORMATS}.`);
	}
	if (typeof binary.bytes === 'number' && binary.bytes > MAX_IMAGE_BYTES) {
		refuse(context, `${name} is ${describeSize(binary.bytes)}; BigCommerce takes images of at most 8 MB`, itemIndex, 'Make the image smaller, e.g. with the Edit Image node, before uploading it.');
	}
	const content = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	if (content.length > MAX_IMAGE_BYTES) {
		refuse(context, `${name} is ${describeSize(content.length)}; BigCommerce takes images of at most 8 MB`, itemIndex, 'Make the image smaller, e.g. with the Edit Image node, before uploading it.');
	}
	const format = detectImageFormat(content);
	if (!format) {
		refuse(
			context,
			`${name} is not an image: its content is not ${ACCEPTED_FORMATS}`,
			itemIndex,
			`${declared ? `It is labelled ${declared}, but its` : 'Its'} first bytes are not those of an image file. Check that the node before this one outputs the image itself, not a web page or an error message.`,
		);
	}
	return { property, fileName: safeFileName(binary.fileName, format), format };
}

async function readNewImage(context: IExecuteFunctions, itemIndex: number): Promise<NewImage> {
	const productId = readId(context, 'productId', itemIndex, 'Product ID');
	const additionalFields = itemParameter(context, 'additionalFields', itemIndex, {}) as IDataObject;
	const fields = readFields(context, optionalFields, additionalFields, itemIndex);
	const source = itemParameter(context, 'source', itemIndex, 'url') as string;
	if (source === 'binaryFile') return { productId, fields, file: await readImageFile(context, itemIndex) };
	if (source !== 'url') refuse(context, `Image Source must be url or binaryFile, got "${String(source).slice(0, 60)}"`, itemIndex);
	return { productId, fields, url: readImageUrl(context, itemIndex) };
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * A file name reduced for comparison: BigCommerce stores an image downloaded from a URL under
 * the URL's file name with `__<digits>` added, in a folder, so folder, extension, that suffix,
 * letter case and punctuation are left out.
 */
function fileStem(name: string): string {
	const base = decoded(name.split('?')[0].split('/').pop() ?? '').toLowerCase();
	return base
		.replace(/\.[a-z0-9]{2,5}$/, '')
		.replace(/__\d+$/, '')
		.replace(/[^a-z0-9]/g, '');
}

function isImageFromUrl(image: IDataObject, url: string): boolean {
	if (image.image_url === url) return true;
	const stem = fileStem(new URL(url).pathname);
	return stem !== '' && typeof image.image_file === 'string' && fileStem(image.image_file) === stem;
}

/** Adds an image BigCommerce downloads from a URL, looking for it after an unclear failure. */
async function createFromUrl(context: IExecuteFunctions, image: NewImage, url: string, itemIndex: number): Promise<IDataObject> {
	const path = imagesPath(image.productId);
	return await createOnce(context, {
		// Nothing is looked up before sending: an image is not unique, so a match found before
		// would not tell this create's image apart. After an unclear failure the newest image from
		// the same address counts as this one; the product shows the image either way.
		checkedAbsent: true,
		create: async () => {
			const answer = await bigCommerceApiRequest.call(context, {
				method: 'POST',
				path,
				body: { ...image.fields, image_url: url },
				itemIndex,
			});
			return answer.data as IDataObject;
		},
		lookup: async () => {
			const images = await getAllItems.call(context, { style: 'v3Page', path, maxPageSize: 250, itemIndex });
			return images.filter((candidate) => isImageFromUrl(candidate, url)).pop();
		},
	});
}

/** Uploads an item's file as multipart/form-data; a POST with an unclear outcome is never sent again. */
async function createFromFile(context: IExecuteFunctions, image: NewImage, file: ImageFile, itemIndex: number): Promise<IDataObject> {
	const content = await context.helpers.getBinaryDataBuffer(itemIndex, file.property);
	// Form fields are text: a false thumbnail flag is left out (false is the default) rather than
	// sent as the word "false", which a server may read as a non-empty, so true, value.
	const fields = Object.entries(image.fields)
		.filter(([name, value]) => !(name === 'is_thumbnail' && value === false))
		.map(([name, value]): [string, string] => [name, String(value)]);
	const rawBody = multipartBody(fields, { field: 'image_file', fileName: file.fileName, contentType: file.format.mimeType, content });
	try {
		const answer = await bigCommerceApiRequest.call(context, { method: 'POST', path: imagesPath(image.productId), rawBody, itemIndex });
		return answer.data as IDataObject;
	} catch (error) {
		throw uploadFailure(context, error, file.fileName, itemIndex);
	}
}

/** The upload's failure; when its outcome is unknown, it says that the image may be in the store. */
function uploadFailure(context: IExecuteFunctions, error: unknown, fileName: string, itemIndex: number): NodeApiError | NodeOperationError {
	const failure =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), { itemIndex });
	// A stored file has no key to find it by, so it is not looked up and not sent again.
	if (outcomeUnknown(error)) {
		failure.description = [
			`The image "${fileName}" may have been created: the upload was sent but its answer was lost. List the product's images (Product Image > Get Many) before running this item again, or it may be added twice.`,
			failure.description,
		]
			.filter(Boolean)
			.join('\n');
	}
	return failure;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	// Every item's URL or file is checked before the first image is sent.
	return await executePerItemReadFirst(this, items, {
		read: async (itemIndex: number) => await readNewImage(this, itemIndex),
		run: async (image: NewImage, itemIndex: number) => {
			const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
			const created = image.file
				? await createFromFile(this, image, image.file, itemIndex)
				: await createFromUrl(this, image, image.url as string, itemIndex);
			return simplify ? toSimpleImage(created) : created;
		},
	});
}

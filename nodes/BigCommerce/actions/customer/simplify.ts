import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { moneyToNumber, toIsoDate } from '../common/conversions';
import { itemParameter } from '../common/parameters';

function storeCredit(amounts: unknown): number | undefined {
	if (!Array.isArray(amounts)) return undefined;
	return amounts.reduce((sum: number, entry) => sum + (moneyToNumber((entry as IDataObject)?.amount) ?? 0), 0);
}

/**
 * A flat, readable customer: ISO-8601 dates, the group ID, the number of addresses and,
 * when addresses were included, the first one's fields side by side.
 */
export function toSimpleCustomer(customer: IDataObject): IDataObject {
	const addresses = Array.isArray(customer.addresses) ? (customer.addresses as IDataObject[]) : undefined;
	const first = addresses?.[0];
	const credit = storeCredit(customer.store_credit_amounts);
	const simple: IDataObject = {
		id: customer.id,
		email: customer.email,
		first_name: customer.first_name,
		last_name: customer.last_name,
		company: customer.company ?? '',
		phone: customer.phone ?? '',
		customer_group_id: customer.customer_group_id ?? 0,
		notes: customer.notes ?? '',
		tax_exempt_category: customer.tax_exempt_category ?? '',
		accepts_marketing_emails: customer.accepts_product_review_abandoned_cart_emails ?? false,
		channel_ids: customer.channel_ids ?? null,
		date_created: toIsoDate(customer.date_created),
		date_modified: toIsoDate(customer.date_modified),
		address_count: customer.address_count ?? addresses?.length ?? 0,
	};
	if (first) {
		simple.address_line1 = first.address1 ?? '';
		simple.address_line2 = first.address2 ?? '';
		simple.address_city = first.city ?? '';
		simple.address_state = first.state_or_province ?? '';
		simple.address_postal_code = first.postal_code ?? '';
		simple.address_country_code = first.country_code ?? '';
		simple.address_phone = first.phone ?? '';
	}
	if (credit !== undefined) simple.store_credit = credit;
	return simple;
}

/** A customer as the item's Simplify option asks for it. */
export function simplified(context: IExecuteFunctions, customer: IDataObject, itemIndex: number): IDataObject {
	return (itemParameter(context, 'simplify', itemIndex, true) as boolean) ? toSimpleCustomer(customer) : customer;
}

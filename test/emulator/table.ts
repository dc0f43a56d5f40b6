// An id-ordered table. Ids are kept in a sorted array beside the Map so a page of an
// unfiltered listing is a slice, never a sort or copy of the whole table (100,000+ rows).

export class Table<T extends { id: number }> implements Iterable<[number, T]> {
	private readonly map = new Map<number, T>();
	private ids: number[] = [];
	private nextId: number;

	constructor(private readonly firstId = 1) {
		this.nextId = firstId;
	}

	get size(): number {
		return this.map.size;
	}

	/** Reserves the next id (auto-increment, never reused, like the real store). */
	allocateId(): number {
		return this.nextId++;
	}

	get(id: number): T | undefined {
		return this.map.get(id);
	}

	has(id: number): boolean {
		return this.map.has(id);
	}

	insert(record: T): T {
		const id = record.id;
		if (this.map.has(id)) throw new Error(`duplicate id ${id}`);
		this.map.set(id, record);
		const last = this.ids.length ? this.ids[this.ids.length - 1] : -Infinity;
		if (id > last) this.ids.push(id);
		else this.ids.splice(this.lowerBound(id), 0, id);
		if (id >= this.nextId) this.nextId = id + 1;
		return record;
	}

	delete(id: number): boolean {
		if (!this.map.delete(id)) return false;
		const i = this.lowerBound(id);
		if (this.ids[i] === id) this.ids.splice(i, 1);
		return true;
	}

	/** Deletes many ids with one pass over the index. */
	deleteMany(ids: Iterable<number>): number[] {
		const gone = new Set<number>();
		for (const id of ids) if (this.map.delete(id)) gone.add(id);
		if (gone.size) this.ids = this.ids.filter((id) => !gone.has(id));
		return [...gone];
	}

	clear(): void {
		this.map.clear();
		this.ids = [];
		this.nextId = this.firstId;
	}

	/** Records at positions [offset, offset + limit) in id order. */
	slice(offset: number, limit: number): T[] {
		const out: T[] = [];
		const end = Math.min(this.ids.length, offset + limit);
		for (let i = Math.max(0, offset); i < end; i++) out.push(this.map.get(this.ids[i]) as T);
		return out;
	}

	/** Position of the first id >= the given id. */
	lowerBound(id: number): number {
		let lo = 0;
		let hi = this.ids.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.ids[mid] < id) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	idAt(position: number): number | undefined {
		return this.ids[position];
	}

	*values(): IterableIterator<T> {
		for (const id of this.ids) yield this.map.get(id) as T;
	}

	*keys(): IterableIterator<number> {
		yield* this.ids;
	}

	*entries(): IterableIterator<[number, T]> {
		for (const id of this.ids) yield [id, this.map.get(id) as T];
	}

	[Symbol.iterator](): IterableIterator<[number, T]> {
		return this.entries();
	}

	forEach(fn: (value: T, id: number) => void): void {
		for (const id of this.ids) fn(this.map.get(id) as T, id);
	}

	filter(fn: (value: T) => boolean): T[] {
		const out: T[] = [];
		for (const id of this.ids) {
			const v = this.map.get(id) as T;
			if (fn(v)) out.push(v);
		}
		return out;
	}

	find(fn: (value: T) => boolean): T | undefined {
		for (const id of this.ids) {
			const v = this.map.get(id) as T;
			if (fn(v)) return v;
		}
		return undefined;
	}
}

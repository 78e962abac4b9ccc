import iconv from 'iconv-lite';
import type { FieldDefinition } from '@tessera/metadata';
import { autoMapping, uniqueKeys } from '../src/import/import-fields';
import { parseBoolean, parseDate, parseDateTime, parseNumber, parseOption } from '../src/import/parse-cell';
import { decodeText, readImportBatches, readImportFile, scanImportFile } from '../src/import/read-import-file';

const value = (p: { ok: boolean; value?: unknown; message?: string }) => (p.ok ? p.value : `ERR ${p.message}`);

describe('import cell parsers', () => {
  it('reads numbers as written in China and the US, and refuses the rest in the user language', () => {
    expect(['1234.56', '1,234.56', '¥1,234.56', '￥ 1,234.56', '1,234.56元', '-12', '(1,000.50)', '$3'].map((t) => value(parseNumber(t, 'number', 'en')))).toEqual([1234.56, 1234.56, 1234.56, 1234.56, 1234.56, -12, -1000.5, 3]);
    expect(value(parseNumber('12%', 'number', 'en', true))).toBe(12);
    expect(value(parseNumber('1234,56', 'number', 'en'))).toMatch(/^ERR "1234,56" is not a number/);
    expect(value(parseNumber('12,34', 'number', 'zh'))).toMatch(/^ERR “12,34”不是数字/);
    expect(value(parseNumber('2.5', 'integer', 'en'))).toMatch(/not a whole number/);
    expect(value(parseNumber(42, 'integer', 'en'))).toBe(42);
  });

  it('reads dates in ISO, slashes, Chinese and US order, checks the calendar', () => {
    expect(['2024-01-05', '2024/1/5', '2024.1.5', '2024年1月5日', '2024 年 1 月 5 日', '01/05/2024', '1/5/2024', '2024-01-05 00:00:00'].map((t) => value(parseDate(t, 'en')))).toEqual(Array(8).fill('2024-01-05'));
    expect(value(parseDate(new Date(Date.UTC(2024, 0, 5)), 'en'))).toBe('2024-01-05');
    for (const bad of ['2024-02-30', '13/01/2024', '5 Jan 2024', 'tomorrow', '2024-01-05 14:00']) expect(value(parseDate(bad, 'en'))).toMatch(/is not a date/);
    expect(value(parseDate('2024-13-01', 'zh'))).toMatch(/不是日期/);
  });

  it('reads date-times in the app time zone unless they carry one', () => {
    expect(value(parseDateTime('2024-01-05 14:30', 'Asia/Shanghai', 'en'))).toBe('2024-01-05T06:30:00.000Z');
    expect(value(parseDateTime('2024年1月5日 8:00', 'Asia/Shanghai', 'en'))).toBe('2024-01-05T00:00:00.000Z');
    expect(value(parseDateTime('2024-07-01T12:00:00Z', 'Asia/Shanghai', 'en'))).toBe('2024-07-01T12:00:00.000Z');
    expect(value(parseDateTime('2024-07-01 12:00', 'America/New_York', 'en'))).toBe('2024-07-01T16:00:00.000Z');
    expect(value(parseDateTime('2024-07-01 25:00', 'Asia/Shanghai', 'en'))).toMatch(/not a date and time/);
  });

  it('reads booleans in both languages', () => {
    expect(['是', '否', 'yes', 'No', 'TRUE', 'false', '1', '0', true].map((t) => value(parseBoolean(t, 'en')))).toEqual([true, false, true, false, true, false, true, false, true]);
    expect(value(parseBoolean('maybe', 'zh'))).toMatch(/不是“是”或“否”/);
  });

  it('reads select options by value or by label in either language', () => {
    const field = { 'x-id': 't', 'x-type': 'select', 'x-label': { en: 'Tier' }, 'x-options': [{ value: 'gold', label: { en: 'Gold', zh: '金牌' } }, { value: 'silver', label: { en: 'Silver', zh: '银牌' } }] } as FieldDefinition;
    expect(['gold', 'GOLD', 'Gold', '金牌', ' 银牌 '].map((t) => value(parseOption(t, field, 'en')))).toEqual(['gold', 'gold', 'gold', 'gold', 'silver']);
    expect(value(parseOption('Platinum', field, 'en'))).toBe('ERR "Platinum" is not one of the options: Gold, Silver');
    expect(value(parseOption('白金', field, 'zh'))).toBe('ERR “白金”不在选项中：金牌、银牌');
  });
});

describe('import files and mapping', () => {
  it('detects GBK (what Excel writes on a Chinese Windows) and keeps UTF-8 as UTF-8', () => {
    const text = '客户名称,员工数\n华为技术,1000\n';
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
    expect(decodeText(Buffer.from(`\ufeff${text}`))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('refuses bytes that are no text and old .xls files, naming what to do', async () => {
    await expect(readImportFile(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x81]), 'x.csv')).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/UTF-8 or GBK/) });
    await expect(readImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'x.xls')).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/\.xlsx or CSV/) });
    await expect(readImportFile(Buffer.from('a,b\n'), 'x.csv')).resolves.toMatchObject({ columns: ['a', 'b'], rows: [] });
  });

  it('reads a CSV a batch at a time with the rows the whole file gives: blank rows skipped, short rows padded, characters past U+FFFF whole across the parser\'s chunks', async () => {
    const header = 'Name,Phone,,Name';
    // The first row puts a character's two halves at code units 65,535 and 65,536: the first chunk's edge.
    const lines = [header, `${'A'.repeat(64 * 1024 - 1 - header.length - 2)}𠮷,0`];
    for (let i = 1; i < 4_000; i++) lines.push(i % 700 === 5 ? ',,' : i % 3 ? `𠮷野家 ${i} 😀,${i}` : `"Co, ${i}",${i},x,y,extra`);
    const text = lines.join('\r\n');
    expect(text.charCodeAt(64 * 1024 - 1)).toBe(0xd842);
    expect(text.length).toBeGreaterThan(2 * 64 * 1024);
    const bytes = Buffer.from(text);
    const table = await readImportFile(bytes, 'big.csv');
    const scan = await scanImportFile(bytes, 'big.csv');
    expect(scan).toEqual({ format: 'csv', encoding: 'utf-8', columns: ['Name', 'Phone', 'Column 3', 'Name (2)', 'Column 5'], total: table.rows.length });
    expect(table.rows.length).toBe(4_000 - 6);
    expect(table.rows[0][0]).toMatch(/^A+𠮷$/);
    const batches: unknown[][][] = [];
    for await (const batch of readImportBatches(bytes, 'big.csv', scan.columns.length, 0, 500)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([...Array(7).fill(500), 494]);
    expect(batches.flat()).toEqual(table.rows);
    expect(table.rows.filter((r) => String(r[0]).includes('\ufffd'))).toEqual([]);
    // A run resumed after its first 1,200 rows reads on from the 1,201st.
    const resumed: unknown[][] = [];
    for await (const batch of readImportBatches(bytes, 'big.csv', scan.columns.length, 1200, 500)) resumed.push(...batch);
    expect(resumed).toEqual(table.rows.slice(1200));
  });

  it('maps columns by field name and English or Chinese label, preferring what the user chose before', () => {
    const fields = [
      { name: 'name', label: { en: 'Name', zh: '客户名称' }, type: 'text', required: true },
      { name: 'employees', label: { en: 'Employees', zh: '员工数' }, type: 'number', required: false },
      { name: 'tier', label: { en: 'Tier', zh: '等级' }, type: 'select', required: false },
    ];
    expect(autoMapping(['客户名称', 'EMPLOYEES', 'tier', 'Other'], fields, undefined)).toEqual({ 客户名称: 'name', EMPLOYEES: 'employees', tier: 'tier', Other: null });
    expect(autoMapping(['Company', '员工数 *'], fields, { Company: 'name' })).toEqual({ Company: 'name', '员工数 *': 'employees' });
  });

  it('finds the unique keys an entity declares', () => {
    expect(uniqueKeys({ type: 'object', 'x-name': 'a', 'x-plural': 'as', 'x-label': { en: 'A' }, properties: { email: { 'x-id': 'e', 'x-type': 'email', 'x-label': { en: 'E' }, 'x-unique': true }, code: { 'x-id': 'c', 'x-type': 'text', 'x-label': { en: 'C' } } }, 'x-indexes': [['code'], { columns: ['code', 'email'], unique: true }] })).toEqual([['email'], ['code', 'email']]);
  });
});

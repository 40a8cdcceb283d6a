// Reads a ZIP archive (an EPUB) as its readers do: from the central
// directory, each entry's local header and data, its CRC checked.
import assert from 'node:assert/strict';
import { crc32, inflateRawSync } from 'node:zlib';

/** The entries of `zip` (a Buffer), in order: name, method, extra length, data. */
export function entries(zip) {
  const end = zip.length - 22;
  assert.equal(zip.readUInt32LE(end), 0x06054b50, 'the end of the central directory is last');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, `central entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(zip.readUInt32LE(local), 0x04034b50, `${name}: its local header`);
    const localExtra = zip.readUInt16LE(local + 28);
    const start = local + 30 + nameLength + localExtra;
    const raw = zip.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(crc32(data) >>> 0, crc, `${name}: its CRC`);
    out.push({ name, method, extra: extra + localExtra, offset: local, data });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

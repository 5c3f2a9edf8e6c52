import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for hostile test archives: it writes whatever it is told (names yazl
 * refuses, lying size fields, symlink modes, encryption flags), which a real zip library won't.
 */
export interface RawEntry {
  readonly name: string | Buffer;
  /** The bytes stored in the archive (already deflated when method is 8). */
  readonly data: Buffer;
  readonly method?: number;
  /** What the headers claim; default to the truth. */
  readonly uncompressedSize?: number;
  readonly compressedSize?: number;
  readonly crc?: number;
  /** Unix mode in the high 16 bits (e.g. 0o120777 << 16 for a symlink). */
  readonly externalAttributes?: number;
  /** General purpose flags; bit 11 (UTF-8 names) is always set, bit 0 means encrypted. */
  readonly flags?: number;
}

const UNIX_FILE = (0o100644 << 16) >>> 0;
export const SYMLINK_ATTRIBUTES = (0o120777 << 16) >>> 0;

export function storedEntry(name: string | Buffer, content: Buffer, overrides: Partial<RawEntry> = {}): RawEntry {
  return { name, data: content, method: 0, uncompressedSize: content.length, crc: crc32(content), ...overrides };
}

export function deflatedEntry(name: string | Buffer, content: Buffer, overrides: Partial<RawEntry> = {}): RawEntry {
  return { name, data: deflateRawSync(content), method: 8, uncompressedSize: content.length, crc: crc32(content), ...overrides };
}

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const method = entry.method ?? 0;
    const flags = (entry.flags ?? 0) | 0x800;
    const crc = entry.crc ?? 0;
    const compressed = entry.compressedSize ?? entry.data.length;
    const uncompressed = entry.uncompressedSize ?? entry.data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((entry.externalAttributes ?? UNIX_FILE) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + entry.data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Reads a zip (stored or deflated entries, as web-ext build writes them) into memory: no dependency, no `unzip` binary. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Every file in the zip: path inside it → bytes (directories left out). */
export function readZip(file: string): Map<string, Buffer> {
  const buf = fs.readFileSync(file);
  // End of central directory: the last PK\x05\x06 record (a comment may follow it).
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? zlib.inflateRawSync(raw) : null;
    if (!data) throw new Error(`${file}: ${name} uses compression method ${method}`);
    if (data.length !== size) throw new Error(`${file}: ${name} inflated to ${data.length} bytes, expected ${size}`);
    out.set(name, data);
  }
  return out;
}

/** Writes the zip's files under `dir` (created). */
export function extractZip(file: string, dir: string): void {
  for (const [name, data] of readZip(file)) {
    const target = path.join(dir, name);
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${file}: ${name} escapes the folder`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
}

/** Every file under `dir`: relative path (with /) → bytes. */
export function readDir(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of readDir(dir, r)) out.set(k, v);
    else out.set(r, fs.readFileSync(path.join(dir, r)));
  }
  return out;
}

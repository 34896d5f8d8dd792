// Reading a zip archive (a .vsix is one): the names of its files, and one file's bytes.
// Enough to check what a package holds, with no dependency.
"use strict";

const fs = require("fs");
const zlib = require("zlib");

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Central directory entries: { name, method, compressedSize, localHeader }. */
function entries(buf) {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`bad central directory entry ${n}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    out.push({
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function zipEntries(file) {
  return entries(fs.readFileSync(file)).map((e) => e.name);
}

/** The contents of `name` in the archive (stored or deflated, the two methods vsce uses). */
function zipRead(file, name) {
  const buf = fs.readFileSync(file);
  const e = entries(buf).find((x) => x.name === name);
  if (!e) throw new Error(`${name} is not in ${file}`);
  const at = e.localHeader;
  if (buf.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`bad local header for ${name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${name}: compression method ${e.method} is not supported`);
}

module.exports = { zipEntries, zipRead };

// Makes the sharing application's sample files, public/samples/*: a text
// file, a Word document (a minimal OOXML package), a PDF and a JPEG, each a
// real file of its format that the viewer opens once protected. Their
// content is the simulator's story (Contoso shares with Fabrikam), marked as
// fictional. Run from the project folder: `node tools/make-samples.mjs`
// (the JPEG is drawn in Debian's Chromium with e2e/'s playwright-core;
// everything else is plain Node). tests/samples.rs checks the files.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'samples');
mkdirSync(out, { recursive: true });
const write = (name, bytes) => {
  writeFileSync(join(out, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
};

const FICTION =
  'Contoso, Ltd and Fabrikam are fictional companies (the examples of Microsoft\'s documentation); this is a sample file of the RMS for individuals simulator.';

// --- Sample.txt -------------------------------------------------------------
const text = [
  'Call notes: Contoso and Fabrikam, Monday 2 May 2016',
  '',
  '- Janet (janetm@contoso.com) sends Fabrikam the Q3 pricing proposal, protected',
  '  with Azure Rights Management: only the people she names can open it.',
  '- Fabrikam\'s IT department doesn\'t manage accounts in Azure, so Pat',
  '  (p.dover@fabrikam.com) signs up for RMS for individuals to read it.',
  '- Next call: Monday 9 May, after Fabrikam has read the proposal.',
  '',
  FICTION,
  '',
].join('\r\n');
write('Sample.txt', Buffer.from(text, 'utf8'));

// --- Proposal.docx: a zip of stored (uncompressed) parts ---------------------
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive with every entry stored, dated 2 May 2016, 09:00. */
function zip(entries) {
  const time = (9 << 11) | (0 << 5) | 0;
  const date = ((2016 - 1980) << 9) | (5 << 5) | 2;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, body] of entries) {
    const n = Buffer.from(name, 'utf8');
    const data = Buffer.from(body, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (s, { bold = false, size } = {}) =>
  `<w:p><w:r>${bold || size ? `<w:rPr>${bold ? '<w:b/>' : ''}${size ? `<w:sz w:val="${size}"/>` : ''}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(s)}</w:t></w:r></w:p>`;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const docx = zip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
  ],
  [
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<dc:title>Proposal: Contoso, Ltd for Fabrikam</dc:title><dc:creator>janetm@contoso.com</dc:creator>' +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2016-05-02T09:00:00Z</dcterms:created>' +
      '</cp:coreProperties>',
  ],
  [
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>` +
      para('Proposal: Contoso, Ltd for Fabrikam', { bold: true, size: 36 }) +
      para('Prepared by Janet (janetm@contoso.com), 2 May 2016. Confidential: for Fabrikam only.') +
      para('What we propose', { bold: true, size: 28 }) +
      para('Contoso supplies Fabrikam from July to September 2016 (Q3), at the prices in Pricing.pdf.') +
      para('How we share it', { bold: true, size: 28 }) +
      para('This document is protected with Azure Rights Management. Fabrikam has no accounts in Azure, so its readers sign up for RMS for individuals with their work address (for example p.dover@fabrikam.com) and open it with the Rights Management sharing application.') +
      para(FICTION) +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
      '</w:body></w:document>',
  ],
]);
write('Proposal.docx', docx);

// --- Pricing.pdf: one A4 page, Helvetica (a standard font: nothing embedded) --
const esc = (s) => s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
const rows = [
  ['Item', 'Units', 'Price per unit'],
  ['Standard licence', 'up to 5,000', 'USD 18.00'],
  ['Volume licence', 'above 5,000', 'USD 15.84 (12% off)'],
  ['Support, Q3 2016', '1', 'USD 2,400.00'],
];
let content = '';
const textAt = (x, y, font, size, s) => (content += `BT /${font} ${size} Tf ${x} ${y} Td (${esc(s)}) Tj ET\n`);
textAt(56, 780, 'F2', 20, 'Q3 2016 pricing for Fabrikam');
textAt(56, 756, 'F1', 11, 'From Contoso, Ltd (janetm@contoso.com), 2 May 2016. Valid until 30 September 2016.');
let y = 716;
content += '0.8 g 56 ' + (y - 6) + ' 483 22 re f 0 g\n';
for (const [i, r] of rows.entries()) {
  const font = i === 0 ? 'F2' : 'F1';
  textAt(62, y, font, 12, r[0]);
  textAt(240, y, font, 12, r[1]);
  textAt(370, y, font, 12, r[2]);
  content += `0.5 w 56 ${y - 7} m 539 ${y - 7} l S\n`;
  y -= 24;
}
textAt(56, y - 16, 'F1', 11, 'Confidential: protected with Azure Rights Management for the people Contoso names.');
textAt(56, 60, 'F1', 9, 'Contoso, Ltd and Fabrikam are fictional companies (the examples of Microsoft\'s documentation).');
textAt(56, 48, 'F1', 9, 'This is a sample file of the RMS for individuals simulator.');
const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  '<< /Title (Q3 2016 pricing for Fabrikam) /Author (janetm@contoso.com) /Producer (RMS for individuals simulator, tools/make-samples.mjs) >>',
];
let pdf = '%PDF-1.4\n';
const offsets = [];
for (const [i, o] of objects.entries()) {
  offsets.push(Buffer.byteLength(pdf, 'latin1'));
  pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
}
const xref = Buffer.byteLength(pdf, 'latin1');
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
write('Pricing.pdf', Buffer.from(pdf, 'latin1'));

// --- Photo.jpg: a whiteboard from the kick-off, drawn on a canvas -------------
const { chromium } = await import(join(root, 'e2e/node_modules/playwright-core/index.mjs'));
const { CHROMIUM, CHROMIUM_ARGS } = await import(join(root, 'e2e/chromium.mjs'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--no-sandbox'] });
try {
  const page = await browser.newPage();
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 800;
    c.height = 500;
    const g = c.getContext('2d');
    // The wall and the board.
    const wall = g.createLinearGradient(0, 0, 0, 500);
    wall.addColorStop(0, '#c9b99a');
    wall.addColorStop(1, '#a8987a');
    g.fillStyle = wall;
    g.fillRect(0, 0, 800, 500);
    g.fillStyle = '#8a8f99';
    g.fillRect(50, 40, 700, 400);
    const board = g.createLinearGradient(60, 50, 740, 430);
    board.addColorStop(0, '#ffffff');
    board.addColorStop(1, '#e9edf2');
    g.fillStyle = board;
    g.fillRect(60, 50, 680, 380);
    g.fillStyle = '#6b6f78';
    g.fillRect(60, 430, 680, 14);
    // Writing.
    g.fillStyle = '#0b5cab';
    g.font = 'bold 38px sans-serif';
    g.fillText('Contoso + Fabrikam: Q3 kick-off', 90, 110);
    g.font = '26px sans-serif';
    g.fillStyle = '#1b1b1f';
    g.fillText('1. Janet sends the proposal, protected', 90, 170);
    g.fillText('2. Pat signs up for RMS for individuals', 90, 215);
    g.fillText('3. Pat opens it in the sharing app', 90, 260);
    g.strokeStyle = '#b3261e';
    g.lineWidth = 4;
    g.beginPath();
    g.moveTo(90, 285);
    g.lineTo(560, 285);
    g.stroke();
    // Sticky notes.
    for (const [x, y, colour, words] of [
      [560, 150, '#ffe680', ['12% off', '> 5,000']],
      [600, 258, '#9fe0b0', ['Valid to', '30 Sep']],
    ]) {
      g.save();
      g.translate(x, y);
      g.rotate(-0.05);
      g.fillStyle = 'rgba(0,0,0,0.18)';
      g.fillRect(5, 6, 130, 110);
      g.fillStyle = colour;
      g.fillRect(0, 0, 130, 110);
      g.fillStyle = '#1b1b1f';
      g.font = 'bold 24px sans-serif';
      g.fillText(words[0], 12, 45);
      g.fillText(words[1], 12, 80);
      g.restore();
    }
    g.fillStyle = '#4f535a';
    g.font = '15px sans-serif';
    g.fillText('A drawing made for the RMS for individuals simulator. Contoso and Fabrikam are fictional.', 90, 405);
    return c.toDataURL('image/jpeg', 0.82);
  });
  write('Photo.jpg', Buffer.from(dataUrl.split(',')[1], 'base64'));
} finally {
  await browser.close();
}

// The Rights Management sharing application, the viewer and the document
// tracking site, end to end with real files: chosen from Buffers with
// setInputFiles, protected, downloaded to disk, and chosen again from disk.
import { test, expect, SENDER, type Sim } from './fixtures/sim';
import { PRESET_FABRIKAM, CONTOSO_ADMIN, PAT, ROSA, loadPreset, signInAs, signOut, openAdmin } from './fixtures/admin';
import {
  textFile,
  pngFile,
  binaryFile,
  protect,
  chooseFileToProtect,
  protectChosen,
  downloadResult,
  download,
  downloadButton,
  fromDisk,
  openInViewer,
  viewerFileInput,
  protectionSection,
  contentSection,
  shownRights,
  expectOpened,
  textContent,
  trackedDocument,
  flipMiddleByte,
  simTimeText,
  simNow,
  fact,
} from './fixtures/sharing';

const PRESET_PROTECTED_FILE = 'A protected file arrives at Fabrikam';
const PASSWORD = 'Tailspin-2016!';
const KIM = { email: 'k.braun@tailspintoys.com', password: PASSWORD };
const PAT_NEW = { email: 'p.dover@fabrikam.com', password: 'Fabrikam-2016!' };

const VIEWER_RIGHTS = ['View, Open, Read VIEW', 'Reply REPLY', 'Reply All REPLYALL'];

/** The whole sign-up through /portal → inbox → link → account page, then sign in. */
async function signUpAndSignIn(sim: Sim, account: { email: string; password: string }, first: string, last: string) {
  await signOut(sim);
  await sim.completeSignUp(account.email, { firstName: first, lastName: last, password: account.password, confirmPassword: account.password });
  await signInAs(sim, account);
}

test('a new organization shares Plan.txt with someone who has no account: mail, sign-up, viewer; others are refused', async ({ sim }, info) => {
  const { page } = sim;
  const sentence = `The tailspin launch moves to week ${Date.now() % 1000} — keep it between us.`;
  await sim.start();

  // Kim, of a new organization, signs up and signs in.
  await signUpAndSignIn(sim, KIM, 'Kim', 'Braun');

  // /sharing: Plan.txt, Share Protected with p.dover (no account), Viewer, Send.
  const status = await protect(sim, textFile('Plan.txt', `Plan\n${sentence}\n`), {
    mode: 'Share Protected',
    users: 'p.dover@fabrikam.com',
    level: 'Viewer',
  });
  expect(status).toContain('Plan.ptxt was emailed to p.dover@fabrikam.com');
  expect(status).toContain('Plan.txt itself stays unprotected');
  const saved = await downloadResult(page, 'Plan.ptxt', info);
  expect(saved.bytes.subarray(0, 26).toString('latin1')).toBe('RMS-SIM-PROTECTED-FILE v1\n');
  expect(saved.bytes.includes(Buffer.from(sentence, 'utf8')), 'the content is encrypted').toBe(false);

  // p.dover's inbox: the message, the attachment and the sign-up link.
  const message = await sim.openLatestMail('p.dover@fabrikam.com', 'Plan.ptxt (protected)', KIM.email);
  await expect(message).toContainText(`Kim Braun <${KIM.email}>`);
  await expect(message).toContainText('The attachment is protected with Microsoft Rights Management');
  await expect(message).toContainText('Attachments: Plan.ptxt (protected with Microsoft RMS)');
  const attachments = message.getByRole('region', { name: 'Attachments', exact: true });
  await expect(attachments.getByRole('listitem')).toHaveCount(1);
  await expect(attachments.getByRole('listitem')).toContainText('Plan.ptxt');
  await expect(attachments.getByRole('link', { name: 'Open in the viewer', exact: true })).toHaveAttribute('href', /^\/viewer\?file=/);
  await expect(attachments.getByRole('button', { name: 'Download Plan.ptxt', exact: true })).toBeVisible();

  // The sign-up link leads to /portal with the address filled in.
  await message.getByRole('link', { name: 'Sign up for RMS for individuals', exact: true }).click();
  await expect(sim.heading()).toHaveText('Microsoft Rights Management');
  await expect(page.getByLabel('Email address')).toHaveValue('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(sim.status()).toContainText('Check your email');
  const href = await sim.confirmationHref('p.dover@fabrikam.com');
  await sim.open(href);
  await sim.fillAccount({ firstName: 'Pat', lastName: 'Dover', password: PAT_NEW.password, confirmPassword: PAT_NEW.password });
  await expect(sim.status()).toContainText('Your account p.dover@fabrikam.com was created');
  await signInAs(sim, PAT_NEW);

  // p.dover opens the attachment from the message.
  const again = await sim.openLatestMail('p.dover@fabrikam.com', 'Plan.ptxt (protected)', KIM.email);
  await again.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'Open in the viewer' }).click();
  await expect(sim.heading()).toHaveText('Protected file viewer');
  const protection = await expectOpened(sim, `${KIM.email} (tailspintoys.com)`);
  await expect(fact(protection, 'File')).toHaveText('Plan.ptxt (originally Plan.txt)');
  await expect(fact(protection, 'Policy')).toHaveText('Custom permissions for p.dover@fabrikam.com (Viewer: View Only).');
  await expect(protection.getByRole('heading', { level: 3 })).toHaveText('Your rights');
  expect(await shownRights(page)).toEqual(VIEWER_RIGHTS);
  await expect(textContent(page)).toContainText(sentence);

  // A third person, of another new organization, with the downloaded file.
  await signUpAndSignIn(sim, { email: 'someone@northwind.com', password: 'Northwind-2016!' }, 'Sam', 'One');
  await openInViewer(sim, await fromDisk(saved));
  await expect(sim.alert()).toContainText("someone@northwind.com doesn't have permission to open this file");
  await expect(sim.alert()).toContainText(`${KIM.email} protected it for other people`);
  await expect(protectionSection(page)).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(sentence);

  // Nobody signed in.
  await signOut(sim);
  await openInViewer(sim, await fromDisk(saved));
  await expect(sim.alert()).toContainText(`Sign in to open this file: ${KIM.email} protected it with Microsoft Rights Management`);
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(protectionSection(page)).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(sentence);
});

test('Protect in-place: Sample.ptxt downloads, opens for its owner after a reload, and "Remove protection" gives back the same bytes', async ({ sim }, info) => {
  const { page } = sim;
  const original = Buffer.from(`Sample\r\nLine two: ünïcödé ✓ ${Date.now()}\r\n`, 'utf8');
  await sim.start();
  await signInAs(sim, CONTOSO_ADMIN);

  await chooseFileToProtect(sim, { name: 'Sample.txt', mimeType: 'text/plain', buffer: original });
  await expect(fact(page.getByRole('main'), 'Chosen')).toHaveText(`Sample.txt (${original.length} bytes)`);
  await expect(fact(page.getByRole('main'), 'Protected as')).toContainText('It becomes Sample.ptxt: native protection');
  const status = await protectChosen(sim, 'Sample.txt', { mode: 'Protect in-place', users: 'p.dover@fabrikam.com', level: 'Co-Owner' });
  expect(status).toContain('Sample.txt is protected: Sample.ptxt replaces it');
  const saved = await downloadResult(page, 'Sample.ptxt', info);
  expect(saved.bytes.includes(original), 'the content is encrypted').toBe(false);

  // The owner opens the file from disk.
  await openInViewer(sim, await fromDisk(saved));
  const protection = await expectOpened(sim, 'janetm@contoso.com (Contoso, Ltd)');
  await expect(fact(protection, 'Policy')).toHaveText('Custom permissions for p.dover@fabrikam.com (Co-Owner: All Permissions).');
  await expect(fact(protection, 'Use license')).toHaveText('Owner: no use license needed.');
  await expect(protection.getByRole('heading', { level: 3 })).toHaveText('Your rights (you are the owner: Full Control)');
  expect(await shownRights(page)).toContain('Full Control OWNER');
  await expect(textContent(page)).toHaveText(original.toString('utf8').replace(/\r\n/g, '\n'));

  // A reload: the file on disk is a real file and opens again.
  await page.reload();
  await expect(sim.heading()).toHaveText('Protected file viewer');
  await expect(protectionSection(page)).toHaveCount(0);
  await viewerFileInput(page).setInputFiles(saved.path);
  await expectOpened(sim, 'janetm@contoso.com (Contoso, Ltd)');
  await expect(textContent(page)).toContainText('Line two: ünïcödé ✓');

  // "Remove protection": the original, byte for byte.
  const owner = page.getByRole('main').getByRole('region', { name: 'Full Control', exact: true });
  const plain = await download(page, owner.getByRole('button', { name: 'Remove protection', exact: true }), info);
  expect(plain.name).toBe('Sample.txt');
  expect(plain.bytes.equals(original), 'the unprotected download equals the original bytes').toBe(true);
  await expect(owner.getByRole('status')).toContainText('Protection removed: the file is saved as Sample.txt, unprotected');

  // In place, nobody is emailed, and the result must not say otherwise.
  await sim.open('/inbox/p.dover@fabrikam.com');
  await expect(page.getByRole('main')).toContainText('No mail has arrived for p.dover@fabrikam.com yet.');
  await chooseFileToProtect(sim, textFile('Other.txt', 'other'));
  await protectChosen(sim, 'Other.txt', { mode: 'Protect in-place', users: 'p.dover@fabrikam.com', level: 'Viewer' });
  await expect(downloadButton(page, 'Other.ptxt')).toBeVisible();
  await expect(page.getByRole('main').getByText('Emailed to:'), 'Protect in-place emails nobody').toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: /^Inbox of / })).toHaveCount(0);
});

test('a changed byte is "altered or damaged"; an unprotected file is "not protected"', async ({ sim }, info) => {
  const { page } = sim;
  await sim.start();
  await signInAs(sim, CONTOSO_ADMIN);
  await protect(sim, textFile('Budget.txt', 'Budget 2016: 1,250,000\n'), { mode: 'Protect in-place', users: 'p.dover@fabrikam.com', level: 'Viewer' });
  const saved = await downloadResult(page, 'Budget.ptxt', info);

  // The untouched file opens.
  await openInViewer(sim, await fromDisk(saved));
  await expectOpened(sim, 'janetm@contoso.com');

  // One flipped bit in the middle.
  const tampered = flipMiddleByte(saved.bytes);
  expect(tampered.equals(saved.bytes)).toBe(false);
  await openInViewer(sim, { name: 'Budget.ptxt', mimeType: 'application/octet-stream', buffer: tampered });
  await expect(sim.alert()).toContainText('This file has been altered or damaged');
  await expect(protectionSection(page)).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('1,250,000');

  // A flipped bit in the ciphertext (the last byte).
  const tail = Buffer.from(saved.bytes);
  tail[tail.length - 1] ^= 0x80;
  await openInViewer(sim, { name: 'Budget.ptxt', mimeType: 'application/octet-stream', buffer: tail });
  await expect(sim.alert()).toContainText('This file has been altered or damaged');

  // A plain text file.
  await openInViewer(sim, textFile('Notes.txt', 'Just notes, not protected.\n'));
  await expect(sim.alert()).toContainText("This file isn't protected with Rights Management");
  await expect(protectionSection(page)).toHaveCount(0);
  const inspect = page.getByRole('main').getByRole('group').filter({ hasText: 'Inspect the file' });
  await inspect.getByText('Inspect the file').click();
  await expect(inspect).toContainText("This file has no Rights Management header: it isn't protected.");
});

test('the viewer enforces the rights: a Viewer can neither print nor copy nor save; a Co-Author can; only Save As, Export saves a copy', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(60_000);
  const docx = Buffer.from('PK\u0003\u0004 not really a Word document, but any bytes will do', 'latin1');
  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, PAT);

  const files: Record<string, Awaited<ReturnType<typeof downloadResult>>> = {};
  for (const [file, level, result] of [
    [textFile('Viewer.txt', 'For your eyes only.\n'), 'Viewer', 'Viewer.ptxt'],
    [textFile('Author.txt', 'Please edit and print.\n'), 'Co-Author', 'Author.ptxt'],
    [binaryFile('ViewerReport.docx', docx), 'Viewer', 'ViewerReport.docx'],
    [binaryFile('AuthorReport.docx', docx), 'Co-Author', 'AuthorReport.docx'],
  ] as const) {
    await protect(sim, file, { mode: 'Protect in-place', users: ROSA.email, level });
    files[result] = await downloadResult(page, result, info);
  }

  await signInAs(sim, ROSA);
  const main = page.getByRole('main');
  const copyPrevented = () =>
    textContent(page).evaluate((pre) => {
      const ev = new Event('copy', { bubbles: true, cancelable: true });
      pre.dispatchEvent(ev);
      return ev.defaultPrevented;
    });
  const userSelect = () => textContent(page).locator('xpath=..').evaluate((el) => getComputedStyle(el).userSelect);

  // Viewer: View, Reply, Reply All.
  await openInViewer(sim, await fromDisk(files['Viewer.ptxt']));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  expect(await shownRights(page)).toEqual(VIEWER_RIGHTS);
  await expect(textContent(page)).toHaveText('For your eyes only.\n');
  await expect(main.getByRole('button', { name: 'Print', exact: true })).toHaveCount(0);
  await expect(contentSection(page)).toContainText("Printing is not allowed: you don't have the Print right.");
  await expect(contentSection(page)).toContainText("Copying is not allowed: you don't have the Copy right.");
  expect(await userSelect()).toBe('none');
  expect(await copyPrevented(), 'copying is blocked').toBe(true);
  await expect(main.getByRole('button', { name: /^Download/ })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Remove protection' })).toHaveCount(0);

  // Co-Author: Print, Copy and Save As, Export too.
  await openInViewer(sim, await fromDisk(files['Author.ptxt']));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  const rights = await shownRights(page);
  for (const r of ['View, Open, Read VIEW', 'Print PRINT', 'Copy EXTRACT', 'Save As, Export EXPORT']) expect(rights).toContain(r);
  expect(rights).not.toContain('Full Control OWNER');
  await expect(textContent(page)).toHaveText('Please edit and print.\n');
  const print = main.getByRole('button', { name: 'Print', exact: true });
  await expect(print).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await print.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed), 'Print opens the print dialog').toBe(1);
  await expect(contentSection(page)).not.toContainText('Copying is not allowed');
  expect(await userSelect()).not.toBe('none');
  expect(await copyPrevented(), 'copying is allowed').toBe(false);
  // Save As, Export: an unprotected copy of the text.
  await expect(main.getByRole('button', { name: 'Download Author.txt', exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Remove protection' })).toHaveCount(0);

  // An Office file: only Save As, Export gives an unprotected copy.
  await openInViewer(sim, await fromDisk(files['ViewerReport.docx']));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  await expect(main.getByRole('note', { name: 'Restricted access' })).toContainText('RESTRICTED ACCESS');
  await expect(contentSection(page)).toContainText("Without the Save As, Export right you can't save a copy.");
  await expect(main.getByRole('button', { name: /^Download/ })).toHaveCount(0);

  await openInViewer(sim, await fromDisk(files['AuthorReport.docx']));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  await expect(contentSection(page)).toContainText('You have Save As, Export, so you may save a copy');
  const copy = await download(page, downloadButton(page, 'AuthorReport.docx'), info);
  expect(copy.name).toBe('AuthorReport.docx');
  expect(copy.bytes.equals(docx), 'the saved copy is the unprotected original').toBe(true);
});

test('images, Office files and other types: .ppng shows an image, a shared .docx gets a .ppdf copy, a .vsdx becomes a .pfile', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(60_000);
  const main = page.getByRole('main');
  const docx = Buffer.from('PK\u0003\u0004 Q2 report (any bytes)', 'latin1');
  const vsdx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10, 0x80, 0x7f, 0x0a, 0x0d, 0x00]);
  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, PAT);

  // A tiny PNG.
  await protect(sim, pngFile('Dot.png'), { mode: 'Protect in-place', users: ROSA.email, level: 'Viewer' });
  const png = await downloadResult(page, 'Dot.ppng', info);

  // A .docx shared: the file and its read-only .ppdf, both attached.
  await chooseFileToProtect(sim, binaryFile('Q2 report.docx', docx));
  await expect(fact(main, 'Protected as')).toContainText('An Office file keeps its name (Q2 report.docx)');
  const status = await protectChosen(sim, 'Q2 report.docx', { mode: 'Share Protected', users: ROSA.email, level: 'Co-Author' });
  expect(status).toContain('Q2 report.docx and Q2 report.ppdf were emailed to r.ortiz@fabrikam.com');
  await expect(downloadButton(page, 'Q2 report.docx')).toBeVisible();
  await expect(downloadButton(page, 'Q2 report.ppdf')).toBeVisible();
  const shared = await downloadResult(page, 'Q2 report.docx', info);
  const companion = await downloadResult(page, 'Q2 report.ppdf', info);
  expect(companion.bytes.subarray(0, 26).toString('latin1')).toBe('RMS-SIM-PROTECTED-FILE v1\n');
  expect(shared.bytes.includes(docx)).toBe(false);

  // A .vsdx: generic protection.
  await chooseFileToProtect(sim, binaryFile('Floor plan.vsdx', vsdx));
  await expect(fact(main, 'Protected as')).toContainText('It becomes Floor plan.vsdx.pfile: generic protection');
  await main.getByRole('button', { name: 'Protect in-place', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Generic Protection');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  await protectChosen(sim, 'Floor plan.vsdx', { mode: 'Protect in-place', users: ROSA.email, level: 'Viewer' });
  const pfile = await downloadResult(page, 'Floor plan.vsdx.pfile', info);

  // The reader.
  await signInAs(sim, ROSA);
  await openInViewer(sim, await fromDisk(png));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  const img = contentSection(page).getByRole('img', { name: 'The protected image Dot.png' });
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(1);

  // The mail: two attachments; the .ppdf opens as a PDF.
  const message = await sim.openLatestMail(ROSA.email, 'Q2 report.docx (protected)', PAT.email);
  const attachments = message.getByRole('region', { name: 'Attachments', exact: true }).getByRole('listitem');
  await expect(attachments).toHaveCount(2);
  await expect(attachments.nth(0)).toContainText('Q2 report.docx');
  await expect(attachments.nth(1)).toContainText('Q2 report.ppdf');
  await attachments.nth(1).getByRole('link', { name: 'Open in the viewer' }).click();
  await expectOpened(sim, 'p.dover@fabrikam.com');
  await expect(fact(protectionSection(page), 'File')).toHaveText('Q2 report.ppdf (originally Q2 report.pdf)');
  const pdf = contentSection(page).locator('iframe');
  await expect(pdf).toHaveAttribute('title', 'The protected PDF Q2 report.pdf');
  await expect(pdf).toHaveAttribute('src', /^blob:.*#toolbar=0$/);
  // The read-only copy: no Save, Edit or Save As.
  const ro = await shownRights(page);
  expect(ro).toContain('Print PRINT');
  expect(ro).not.toContain('Save As, Export EXPORT');
  expect(ro).not.toContain('Save EDIT');

  // The .pfile: the generic "protected file" text and "Open".
  await openInViewer(sim, await fromDisk(pfile));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  await expect(fact(protectionSection(page), 'Protection')).toContainText('Generic (.pfile)');
  const generic = contentSection(page).getByRole('group', { name: 'Protected file (.pfile)', exact: true });
  await expect(generic).toContainText('p.dover@fabrikam.com protected Floor plan.vsdx with Microsoft Rights Management (fabrikam.com).');
  const opened = await download(page, generic.getByRole('button', { name: 'Open', exact: true }), info);
  expect(opened.name).toBe('Floor plan.vsdx');
  expect(opened.bytes.equals(vsdx)).toBe(true);
  await expect(contentSection(page).getByRole('status')).toContainText('Floor plan.vsdx was saved without the .pfile extension');
});

test('templates restrict to the organization; an expiry date locks readers (not the owner) out on the simulated clock', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(60_000);
  const TEMPLATE = 'fabrikam.com - Confidential View Only';
  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, PAT);

  // A template: everyone at Fabrikam, View only.
  await chooseFileToProtect(sim, textFile('Salaries.txt', 'Salary bands 2016\n'));
  await page.getByRole('main').getByRole('button', { name: 'Protect in-place', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Protect in-place: Salaries.txt' });
  await dialog.getByRole('radio', { name: TEMPLATE, exact: true }).check();
  await expect(dialog.getByLabel('Expire these documents on')).toBeDisabled();
  await expect(dialog).toContainText('Not needed with a template: everyone in fabrikam.com can open the file.');
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(sim.status()).toContainText('Salaries.txt is protected: Salaries.ptxt replaces it');
  const salaries = await downloadResult(page, 'Salaries.ptxt', info);

  // Expiring at the end of 3 May 2016 (the clock starts on 2 May).
  await protect(sim, textFile('Offer.txt', 'Offer valid two days\n'), { mode: 'Protect in-place', users: ROSA.email, level: 'Viewer', expires: '2016-05-03' });
  const offer = await downloadResult(page, 'Offer.ptxt', info);

  await signInAs(sim, ROSA);
  await openInViewer(sim, await fromDisk(salaries));
  const protection = await expectOpened(sim, 'p.dover@fabrikam.com (fabrikam.com)');
  await expect(fact(protection, 'Policy')).toHaveText(`The template “${TEMPLATE}”: everyone in fabrikam.com can open it.`);
  expect(await shownRights(page)).toEqual(['View, Open, Read VIEW']);
  await expect(textContent(page)).toHaveText('Salary bands 2016\n');

  await openInViewer(sim, await fromDisk(offer));
  const p2 = await expectOpened(sim, 'p.dover@fabrikam.com');
  await expect(fact(p2, 'Expires')).toHaveText('Wed 4 May 2016, 00:00:00 UTC (its owner can still open it after that).');
  await expect(textContent(page)).toHaveText('Offer valid two days\n');

  // Someone outside Fabrikam is refused by the template.
  await signInAs(sim, CONTOSO_ADMIN);
  await openInViewer(sim, await fromDisk(salaries));
  await expect(sim.alert()).toContainText(`This file is protected with the template “${TEMPLATE}”, which only lets accounts of fabrikam.com open it, and janetm@contoso.com isn't one of them.`);
  await expect(page.getByRole('main')).not.toContainText('Salary bands');

  // Two days later the offer has expired for Rosa…
  await signInAs(sim, ROSA);
  await openInViewer(sim, await fromDisk(offer));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  await sim.advanceClock(2, 'days');
  // Opened successfully before, so the viewer offers no "Try again": open the file again.
  await openInViewer(sim, await fromDisk(offer));
  await expect(sim.alert()).toContainText('This file expired at Wed 4 May 2016, 00:00:00 UTC: p.dover@fabrikam.com allowed it to be opened until then. Only its owner can open it now.');
  await expect(protectionSection(page)).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('Offer valid two days');

  // …but not for its owner.
  await signInAs(sim, PAT);
  await openInViewer(sim, await fromDisk(offer));
  await expectOpened(sim, 'p.dover@fabrikam.com');
  await expect(textContent(page)).toHaveText('Offer valid two days\n');
});

/** "A protected file arrives at Fabrikam": Pat signs up from the message and opens the PDF. */
async function patSignsUpAndOpensTheProposal(sim: Sim) {
  const { page } = sim;
  await loadPreset(sim, PRESET_PROTECTED_FILE);
  const subject = 'Q3 pricing proposal.ppdf (protected)';

  // Not signed in yet: the viewer asks Pat to sign in (an access attempt too).
  let message = await sim.openLatestMail(PAT_NEW.email, subject, CONTOSO_ADMIN.email);
  await message.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'Open in the viewer' }).click();
  await expect(sim.alert()).toContainText('Sign in to open this file: janetm@contoso.com protected it');
  await expect(page.getByRole('main').getByRole('link', { name: 'sign up for RMS for individuals' })).toHaveAttribute('href', '/portal?email=p.dover%40fabrikam.com');

  // The sign-up, from the message's link.
  message = await sim.openLatestMail(PAT_NEW.email, subject, CONTOSO_ADMIN.email);
  await message.getByRole('link', { name: 'Sign up for RMS for individuals', exact: true }).click();
  await expect(page.getByLabel('Email address')).toHaveValue(PAT_NEW.email);
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(sim.status()).toContainText('Check your email');
  await sim.open(await sim.confirmationHref(PAT_NEW.email));
  await sim.fillAccount({ firstName: 'Pat', lastName: 'Dover', password: PAT_NEW.password, confirmPassword: PAT_NEW.password });
  await expect(sim.status()).toContainText(`Your account ${PAT_NEW.email} was created`);
  await signInAs(sim, PAT_NEW);

  message = await sim.openLatestMail(PAT_NEW.email, subject, CONTOSO_ADMIN.email);
  await message.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'Open in the viewer' }).click();
  const protection = await expectOpened(sim, 'janetm@contoso.com (Contoso, Ltd)');
  await expect(fact(protection, 'File')).toHaveText('Q3 pricing proposal.ppdf (originally Q3 pricing proposal.pdf)');
  expect(await shownRights(page)).toEqual(VIEWER_RIGHTS);
  const pdf = contentSection(page).locator('iframe');
  await expect(pdf).toHaveAttribute('title', 'The protected PDF Q3 pricing proposal.pdf');
  await expect(pdf).toHaveAttribute('src', /^blob:/);
}

test('track and revoke: Janet sees who opened the proposal, exports the attempts, revokes; the use license lasts 30 days', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(60_000);
  const DOC = 'Q3 pricing proposal.ppdf';
  await sim.start();
  await patSignsUpAndOpensTheProposal(sim);
  const opened = await simNow(sim);

  // RMS for individuals has no tracking site.
  await sim.open('/tracking');
  await expect(sim.heading()).toHaveText('Document tracking');
  await expect(page.getByRole('main')).toContainText('Document tracking and revocation need a paid subscription that includes Azure Rights Management');
  await expect(page.getByRole('main').getByRole('button', { name: 'Revoke access' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('button', { name: 'Export to CSV' })).toHaveCount(0);

  // Janet's tracking site.
  await signInAs(sim, CONTOSO_ADMIN);
  await sim.open('/tracking');
  const doc = trackedDocument(page, DOC);
  await expect(doc).toBeVisible();
  await expect(fact(doc, 'Shared with')).toHaveText('p.dover@fabrikam.com (Viewer)');
  await expect(fact(doc, 'Email notification')).toHaveText('On');
  await expect(fact(doc, 'Access')).toHaveText('Not revoked.');
  const attempts = doc.getByRole('table', { name: `Access attempts for ${DOC}` });
  for (const c of ['User', 'Time', 'Result']) await expect(attempts.getByRole('columnheader', { name: c, exact: true })).toBeVisible();
  const rows = attempts.getByRole('row');
  await expect(rows).toHaveCount(3); // header, Pat, someone who wasn't signed in
  await expect(await sim.cell(attempts, 'p.dover@fabrikam.com', 'Result')).toHaveText('Opened');
  await expect(await sim.cell(attempts, 'p.dover@fabrikam.com', 'Time')).toHaveText(simTimeText(opened));
  await expect(await sim.cell(attempts, "someone who isn't signed in", 'Result')).toContainText('Sign in to open this file');

  // Export to CSV.
  const csv = await download(page, page.getByRole('button', { name: 'Export to CSV', exact: true }), info);
  expect(csv.name).toBe('document-tracking.csv');
  const lines = csv.bytes.toString('utf8').split(/\r\n/);
  expect(lines[0]).toBe('Document,Protected,User,Time,Result');
  expect(lines.some((l) => l.includes(`"${DOC}"`) && l.includes('"p.dover@fabrikam.com"') && l.includes('"Opened"'))).toBe(true);
  await expect(sim.status()).toContainText('The access attempts were downloaded as document-tracking.csv.');

  // Janet's inbox: the notifications.
  const mail = await sim.openLatestMail(CONTOSO_ADMIN.email, `p.dover@fabrikam.com tried to open ${DOC}`, SENDER);
  await expect(mail).toContainText('They were able to open it.');
  await expect(sim.messageLink(SENDER, `someone who isn't signed in tried to open ${DOC}`)).toHaveCount(1);

  // Revoke: Pat's use license (30 days) still works until it ends.
  await sim.open('/tracking');
  await trackedDocument(page, DOC).getByRole('button', { name: 'Revoke access', exact: true }).click();
  const until = simTimeText(new Date(opened.getTime() + 30 * 86400e3));
  await expect(sim.status()).toContainText(`Access to ${DOC} is revoked.`);
  await expect(sim.status()).toContainText(`everyone is locked out from ${until}`);
  await expect(fact(trackedDocument(page, DOC), 'Access')).toContainText(`readers who hold a use license can still open it until ${until}`);
  await expect(trackedDocument(page, DOC).getByRole('button', { name: 'Revoke access' })).toHaveCount(0);

  await signInAs(sim, PAT_NEW);
  let message = await sim.openLatestMail(PAT_NEW.email, `${DOC} (protected)`, CONTOSO_ADMIN.email);
  await message.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'Open in the viewer' }).click();
  const protection = await expectOpened(sim, 'janetm@contoso.com');
  await expect(fact(protection, 'Use license')).toHaveText(`Valid until ${until}: an already-held use license was used, without asking the service.`);

  await sim.advanceClock(30, 'days');
  // Opened successfully before, so the viewer offers no "Try again": open the attachment again.
  message = await sim.openLatestMail(PAT_NEW.email, `${DOC} (protected)`, CONTOSO_ADMIN.email);
  await message.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'Open in the viewer' }).click();
  await expect(sim.alert()).toContainText(`janetm@contoso.com revoked access to this file at ${simTimeText(opened)}. It can no longer be opened.`);
  await expect(protectionSection(page)).toHaveCount(0);
});

test('usage log: Janet downloads the W3C log, with an AcquireLicense line for p.dover', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(60_000);
  await sim.start();
  await patSignsUpAndOpensTheProposal(sim);

  await signInAs(sim, CONTOSO_ADMIN);
  await openAdmin(sim);
  const saved = await download(page, page.getByRole('button', { name: 'Download usage log', exact: true }), info);
  expect(saved.name).toBe('rms-usage-log.log');
  await expect(sim.status()).toContainText('The usage log was downloaded as rms-usage-log.log');
  const lines = saved.bytes.toString('utf8').split('\r\n');
  expect(lines[0]).toBe('#Software: RMS');
  expect(lines[1]).toBe('#Version: 1.1');
  expect(lines[2].startsWith('#Fields: date\ttime\trow-id\trequest-type\tuser-id\tresult\t')).toBe(true);
  const fields = lines[2].slice('#Fields: '.length).split('\t');
  const rows = lines.slice(3).filter((l) => l !== '').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [fields[i], v])));
  const acquire = rows.filter((r) => r['request-type'] === 'AcquireLicense' && r['user-id'] === "'p.dover@fabrikam.com'");
  expect(acquire.length).toBeGreaterThanOrEqual(1);
  expect(acquire[0]['result']).toBe("'Success'");
  expect(acquire[0]['file-name']).toBe('Q3 pricing proposal.ppdf');
  expect(acquire[0]['owner-email']).toBe('janetm@contoso.com');
  expect(acquire[0]['date']).toMatch(/^2016-05-\d\d$/);
  await expect(sim.status()).toContainText(`(${rows.length} entries`);
});

test('the protect dialog refuses what it cannot protect, and an organization without Azure RMS is told so', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await signInAs(sim, CONTOSO_ADMIN);
  await chooseFileToProtect(sim, textFile('Memo.txt', 'memo'));
  const main = page.getByRole('main');

  await main.getByRole('button', { name: 'Share Protected', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share Protected: Memo.txt', exact: true });
  await expect(dialog.getByLabel('Users', { exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(sim.alert()).toContainText('Enter the email addresses of the people who may open the file');
  await dialog.getByLabel('Users', { exact: true }).fill('someone@gmail.com');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(sim.alert()).toContainText('someone@gmail.com is a personal email address');
  await dialog.getByLabel('Users', { exact: true }).fill('p.dover@fabrikam.com');
  await dialog.getByLabel('Expire these documents on', { exact: true }).fill('2016-05-01');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(sim.alert()).toContainText('2016-05-01 has already ended on the simulated clock');
  await expect(dialog).toBeVisible();
  await expect(main.getByRole('button', { name: /^Download / })).toHaveCount(0);
  // Escape closes the dialog; nothing was sent.
  await dialog.getByLabel('Users', { exact: true }).press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Share Protected', exact: true })).toBeFocused();
  await sim.open('/inbox');
  await expect(page.getByRole('link', { name: /p\.dover@fabrikam\.com/ })).toHaveCount(0);

  // Litware has Exchange Online only: no Azure RMS.
  await signInAs(sim, { email: 'admin@litwareinc.com', password: 'Litware-2016!' });
  await sim.open('/sharing');
  await expect(main).toContainText("Litware, Inc. has no subscription that includes Azure RMS, so your account can't protect files yet.");
});

test('instant revoke: no use license is kept, so revoking locks the reader out at once', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(60_000);
  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, CONTOSO_ADMIN);
  await protect(sim, textFile('Terms.txt', 'Draft terms, revocable.\n'), {
    mode: 'Share Protected',
    users: PAT.email,
    level: 'Reviewer',
    notify: true,
    instantRevoke: true,
  });
  const saved = await downloadResult(page, 'Terms.ptxt', info);

  await signInAs(sim, PAT);
  await openInViewer(sim, await fromDisk(saved));
  const protection = await expectOpened(sim, 'janetm@contoso.com');
  await expect(fact(protection, 'Use license')).toHaveText('None kept: with instant revoke, the viewer asks the service every time the file is opened.');
  await expect(textContent(page)).toHaveText('Draft terms, revocable.\n');

  await signInAs(sim, CONTOSO_ADMIN);
  await sim.open('/tracking');
  const doc = trackedDocument(page, 'Terms.ptxt');
  await expect(fact(doc, 'Instant revoke')).toHaveText('On');
  await expect(await sim.cell(doc.getByRole('table'), PAT.email, 'Result')).toHaveText('Opened');
  const now = simTimeText(await simNow(sim));
  await doc.getByRole('button', { name: 'Revoke access', exact: true }).click();
  await expect(sim.status()).toContainText(`Access to Terms.ptxt is revoked: from now on (${now}) nobody but you can open it.`);
  await expect(fact(trackedDocument(page, 'Terms.ptxt'), 'Access')).toHaveText(`Revoked at ${now}: nobody but you can open it.`);

  await signInAs(sim, PAT);
  await openInViewer(sim, await fromDisk(saved));
  await expect(sim.alert()).toContainText(`janetm@contoso.com revoked access to this file at ${now}. It can no longer be opened.`);
  await expect(page.getByRole('main')).not.toContainText('Draft terms');

  // The owner still opens it, and the refusal was tracked and mailed.
  await signInAs(sim, CONTOSO_ADMIN);
  await openInViewer(sim, await fromDisk(saved));
  await expectOpened(sim, 'janetm@contoso.com');
  const mail = await sim.openLatestMail(CONTOSO_ADMIN.email, 'p.dover@fabrikam.com tried to open Terms.ptxt', SENDER);
  await expect(mail).toContainText('They could not open it: janetm@contoso.com revoked access to this file');
});

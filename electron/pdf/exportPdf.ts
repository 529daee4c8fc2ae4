// `exportPdf`: one pass over the brief, each page written to disk as soon as the next
// begins. Page numbers that are only known at the end (contents, "page X of Y") are
// form XObjects filled in before the document closes (deferred.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ApiEvent, ExportPdfResult, ExportScope } from '../../shared/api';
import { BriefbookError } from '../../shared/errors';
import type { Db } from '../store/db';
import { loadContent } from './content';
import { destOf, type Ctx } from './context';
import { registerFonts } from './fonts';
import { isoDay } from './format';
import { drawContents, drawCover, type TocEntry } from './front';
import { drawMeetings } from './meetings';
import { drawSchedule } from './schedule';
import { drawNotes, drawNotesIndex, drawOfficials, drawTalkingPoints } from './sections';
import { geometry, type Paper } from './theme';
import { langForCountry } from './fonts';
import { PageWriter } from './writer';

export interface ExportOptions {
  packId: string;
  scope: ExportScope;
  notes: boolean;
  paper: Paper;
  watermark?: string;
  outPath: string;
  now?: Date;
  /** Benchmark baseline: the same document set in the standard Helvetica. */
  helveticaOnly?: boolean;
  onProgress?: (event: Extract<ApiEvent, { type: 'export-progress' }>) => void;
}

/** At most this long laying out before other work in the process gets a turn. */
const BREATHE_MS = 25;

export async function exportPdf(db: Db, options: ExportOptions): Promise<ExportPdfResult> {
  const content = loadContent(db, options.packId, options.scope, options.notes);
  const now = options.now ?? new Date();
  const outPath = path.resolve(options.outPath);
  if (!fs.existsSync(path.dirname(outPath)))
    throw new BriefbookError(
      'invalid-input',
      `The folder ${path.dirname(outPath)} does not exist. Choose another place to save the PDF.`,
    );
  // Its own part file: two exports to the same place (now that an export lets other work
  // run) each write a whole file, and the last one finished is the one left.
  const partPath = `${outPath}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.part`;

  const { pack } = content;
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: pack.title,
      Subject: `${pack.event.name} — ${pack.classification}`,
      Author: pack.preparedFor ?? 'Briefbook',
      Creator: 'Briefbook',
      Producer: 'Briefbook (pdfkit)',
      CreationDate: now,
    },
  });
  // The document is a Readable stream, but the brief is laid out in one synchronous pass:
  // piped, it would start to flow only after the last page, holding the whole file in
  // memory until then. Its output is read and written at every page break instead.
  const fd = fs.openSync(partPath, 'w');
  const drain = () => {
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
      fs.writeSync(fd, chunk);
  };

  try {
    const fonts = registerFonts(doc, { helvetica: options.helveticaOnly });
    const watermark = options.watermark
      ? `${options.watermark}\nExported ${isoDay(now)} · ${pack.classification}`
      : null;
    const w = new PageWriter(doc, fonts, geometry(options.paper), {
      classification: pack.classification,
      footerLeft: pack.title,
      watermark,
    });
    const itemsTotal =
      content.meetings.length +
      content.officials.length +
      content.talkingPoints.length +
      content.notes.length +
      (content.days.length ? 1 : 0);
    let itemsDone = 0;
    const progress = (done: boolean) =>
      options.onProgress?.({
        type: 'export-progress',
        packId: pack.id,
        outPath,
        pages: w.pageNumber,
        itemsDone,
        itemsTotal,
        done,
      });
    w.onPage = (n) => {
      drain();
      if (n % 10 === 0) progress(false);
    };
    const ctx: Ctx = { w, c: content, db, outline: null, images: new Map(), itemDone: () => void itemsDone++ };

    // The sections of many items are laid out item by item, and every BREATHE_MS the
    // export lets the event loop run: in the app the core shares the main process, so
    // the reader's other requests are answered and the progress reaches the window
    // while a long brief is being written, not only after its last page.
    let breathed = performance.now();
    const layOut = async (section: Generator<void, void, void>) => {
      for (let step = section.next(); !step.done; step = section.next()) {
        if (performance.now() - breathed < BREATHE_MS) continue;
        await new Promise<void>((resolve) => setImmediate(resolve));
        breathed = performance.now();
      }
    };
    const full = content.scope.kind === 'all' || content.scope.kind === 'day';
    if (full) {
      drawCover(ctx, now, options.watermark ?? null);
      drawContents(ctx, tocEntries(content));
    }
    if (content.days.length) drawSchedule(ctx);
    await layOut(drawMeetings(ctx));
    await layOut(drawOfficials(ctx));
    await layOut(drawTalkingPoints(ctx));
    await layOut(drawNotes(ctx));
    if (content.annotations) drawNotesIndex(ctx);
    if (w.pageNumber === 0) w.newPage();

    w.deferred.set('total', w.pageNumber);
    w.deferred.finish();
    const pages = w.pageNumber;
    doc.end();
    drain();
    fs.closeSync(fd);
    fs.renameSync(partPath, outPath);
    progress(true);
    return { path: outPath, pages, bytes: fs.statSync(outPath).size };
  } catch (err) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed: the error came after the file was complete
    }
    fs.rmSync(partPath, { force: true });
    throw err;
  }
}

function tocEntries(c: ReturnType<typeof loadContent>): TocEntry[] {
  const out: TocEntry[] = [];
  if (c.days.length) {
    out.push({ title: 'Schedule', dest: 'schedule', level: 1 });
    for (const day of c.days) out.push({ title: dayTitle(day), dest: `day-${day}`, level: 2 });
  }
  if (c.meetings.length) {
    out.push({ title: 'Meetings', dest: 'meetings', level: 1 });
    for (const m of c.meetings) out.push({ title: m.data.title, dest: destOf('meeting', m.id), level: 2 });
  }
  if (c.officials.length) {
    out.push({ title: 'Officials', dest: 'officials', level: 1 });
    for (const o of c.officials) {
      const title = o.data.nativeName ? `${o.data.name} (${o.data.nativeName})` : o.data.name;
      out.push({ title, dest: destOf('official', o.id), level: 2, lang: langForCountry(o.data.country) });
    }
  }
  if (c.talkingPoints.length) {
    out.push({ title: 'Talking points', dest: 'talking-points', level: 1 });
    for (const t of c.talkingPoints) out.push({ title: t.data.title, dest: destOf('talking-point', t.id), level: 2 });
  }
  if (c.notes.length) {
    out.push({ title: 'Background notes', dest: 'notes', level: 1 });
    for (const n of c.notes) out.push({ title: n.data.title, dest: destOf('note', n.id), level: 2 });
  }
  if (c.annotations) out.push({ title: 'Index of your notes', dest: 'notes-index', level: 1 });
  return out;
}

function dayTitle(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`))
    .replace(',', '');
}

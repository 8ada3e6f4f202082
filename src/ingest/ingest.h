/* ingest.h - from input files to documents: readers (txt, JSONL, HTML, any of
 * them zstd-compressed), page-furniture removal, title and publication-date
 * detection. */
#ifndef RASD_INGEST_H
#define RASD_INGEST_H

#include "../core/doc.h"

/* Mark page furniture in doc->text (icons, font-size widgets, live-coverage
 * labels, image file names, Latin photo captions, keyword lists, trailing
 * related headlines, credit lines) by filling doc->lines with one entry per
 * line: kept or dropped with a reason. Sets doc->title (first headline line)
 * and doc->credit (the source named in a credit line) when not already set.
 * With keep_all, nothing is dropped but title detection still runs.
 * Reasons: "icon", "widget", "live label", "image file", "link",
 * "latin caption", "caption", "dateline", "byline", "credit", "keywords",
 * "related headlines", "promo", "disclaimer", "separator". */
rasd_status ingest_clean(rasd_doc *doc, bool keep_all);

/* Look for a publication dateline near the top of the document (among the
 * first lines, outside sentences of running text). On success sets *out with
 * origin RASD_DATE_TEXT and absolute offsets, returns true. Never guesses:
 * a date inside a news sentence is not a dateline. */
bool ingest_find_pubdate(const rasd_doc *doc, rasd_date *out);

/* Parse an ISO 8601 date or date-time (YYYY, YYYY-MM, YYYY-MM-DD,
 * YYYY-MM-DDThh:mm[:ss][.fff][Z|±hh:mm]) into *out with origin METADATA. */
bool ingest_parse_iso(const char *s, rasd_date *out);

#endif

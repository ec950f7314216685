/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The white space around a page's body; the header and footer sit in it. */
#define HEARD_DOCUMENT_MARGIN_SIDE   56.0
#define HEARD_DOCUMENT_MARGIN_TOP    64.0
#define HEARD_DOCUMENT_MARGIN_BOTTOM 64.0

/* How a piece of text looks. */
typedef enum
{
  HEARD_DOCUMENT_STYLE_TITLE,
  HEARD_DOCUMENT_STYLE_NAME,
  HEARD_DOCUMENT_STYLE_HEADING,
  HEARD_DOCUMENT_STYLE_SUBHEADING,
  HEARD_DOCUMENT_STYLE_LABEL,
  HEARD_DOCUMENT_STYLE_BODY,
  HEARD_DOCUMENT_STYLE_WORDS,
  HEARD_DOCUMENT_STYLE_META,
  HEARD_DOCUMENT_STYLE_NOTE,
  HEARD_DOCUMENT_STYLE_MARK,
  HEARD_DOCUMENT_STYLE_FOOTER,
  HEARD_DOCUMENT_N_STYLES
} HeardDocumentStyle;

#define HEARD_DOCUMENT_MAX_COLUMNS 3

/* Draws a chart into (0, 0, width, height) of cr. */
typedef void (*HeardDocumentChartFunc) (cairo_t       *cr,
                                        PangoContext  *pango,
                                        double         width,
                                        double         height,
                                        gconstpointer  chart);

/* What a document says, in order, as blocks of text and charts. Built once and
 * never changed after, so a worker thread may lay it out while the main thread
 * lays out the same blocks for print. */
typedef struct _HeardDocumentBlocks HeardDocumentBlocks;

HeardDocumentBlocks *_heard_document_blocks_new            (void) G_GNUC_WARN_UNUSED_RESULT;
void                 _heard_document_blocks_free           (HeardDocumentBlocks   *blocks);
/* Every text added from now on has the names of @names (heard-redaction.h)
 * taken out. */
void                 _heard_document_blocks_set_redaction  (HeardDocumentBlocks   *blocks,
                                                            const char *const     *names);
void                 _heard_document_blocks_add_text       (HeardDocumentBlocks   *blocks,
                                                            HeardDocumentStyle     style,
                                                            const char            *text);
/* Side by side, each column as wide as the others. */
void                 _heard_document_blocks_add_columns    (HeardDocumentBlocks   *blocks,
                                                            HeardDocumentStyle     style,
                                                            const char *const     *texts,
                                                            guint                  n_columns);
/* @chart must outlive @blocks. */
void                 _heard_document_blocks_add_chart      (HeardDocumentBlocks   *blocks,
                                                            double                 height,
                                                            HeardDocumentChartFunc draw,
                                                            gconstpointer          chart);
void                 _heard_document_blocks_add_page_break (HeardDocumentBlocks   *blocks);
/* The block added last goes on the page of the one after it (a heading is
 * never left alone at the bottom of a page). */
void                 _heard_document_blocks_keep_with_next (HeardDocumentBlocks   *blocks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardDocumentBlocks, _heard_document_blocks_free)

/* The blocks laid out on pages of one size with one Pango context. */
typedef struct _HeardDocumentPages HeardDocumentPages;

HeardDocumentPages *_heard_document_pages_new      (const HeardDocumentBlocks *blocks,
                                                    PangoContext              *context,
                                                    double                     width,
                                                    double                     height)
                                                    G_GNUC_WARN_UNUSED_RESULT;
void                _heard_document_pages_free     (HeardDocumentPages        *pages);
guint               _heard_document_pages_get_n    (const HeardDocumentPages  *pages);
/* Draws the body of @page (within the margins) onto @cr. */
void                _heard_document_pages_draw     (const HeardDocumentPages  *pages,
                                                    cairo_t                   *cr,
                                                    guint                      page);
/* A one-line layout in @style, @width wide, for headers and footers. */
PangoLayout        *_heard_document_pages_create_layout (const HeardDocumentPages *pages,
                                                         HeardDocumentStyle        style,
                                                         const char               *text,
                                                         double                    width)
                                                         G_GNUC_WARN_UNUSED_RESULT;
void                _heard_document_set_style_color (cairo_t                  *cr,
                                                     HeardDocumentStyle        style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardDocumentPages, _heard_document_pages_free)

G_END_DECLS

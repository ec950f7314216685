/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-document"

#include "config.h"

#include <pango/pangocairo.h>

#include "heard-document-pages-private.h"
#include "heard-redaction.h"

/*
 * Pages from a list of blocks: text wraps to the page's width and breaks
 * between lines (never through one) across pages, side-by-side columns break
 * together, a chart is never cut, and a heading always shares its page with
 * what follows it. The layout is kept, line by line, so that drawing a page
 * is only drawing: the same for a PDF surface and for GtkPrintOperation.
 */

#define COLUMN_GAP 14.0
#define WORDS_BAR  2.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind              kind;
  HeardDocumentStyle     style;
  char                  *texts[HEARD_DOCUMENT_MAX_COLUMNS];
  guint                  n_columns;
  double                 height;       /* charts only */
  HeardDocumentChartFunc draw;
  gconstpointer          chart;
  gboolean               keep_with_next;
} Block;

struct _HeardDocumentBlocks
{
  GArray         *blocks;    /* of Block */
  HeardRedaction *redaction; /* names taken out of every text added, or NULL */
};

typedef struct
{
  const char *font;
  double      red, green, blue;
  double      space_before;
  double      indent;
} Style;

/* Noto, with its Arabic named so that Arabic is set in it rather than in
 * whatever fontconfig finds first, and Symbola for emoji: its glyphs are
 * outlines that go into a PDF as text, where a colour emoji font's bitmaps go
 * in as pictures that nobody can search or copy. */
#define SANS  "Noto Sans, Noto Sans Arabic, Symbola, Sans "
#define SERIF "Noto Serif, Noto Naskh Arabic, Symbola, Serif "

/* Dark text on white paper: printed, photocopied, read in greyscale. */
static const Style styles[HEARD_DOCUMENT_N_STYLES] = {
  [HEARD_DOCUMENT_STYLE_TITLE]      = { SANS "Bold 26", 0.07, 0.24, 0.30, 0, 0 },
  [HEARD_DOCUMENT_STYLE_NAME]       = { SANS "20", 0.10, 0.10, 0.12, 16, 0 },
  [HEARD_DOCUMENT_STYLE_HEADING]    = { SANS "Bold 16", 0.07, 0.24, 0.30, 20, 0 },
  [HEARD_DOCUMENT_STYLE_SUBHEADING] = { SANS "Bold 13", 0.10, 0.10, 0.12, 16, 0 },
  [HEARD_DOCUMENT_STYLE_LABEL]      = { SANS "Bold 9.5", 0.25, 0.25, 0.28, 9, 0 },
  [HEARD_DOCUMENT_STYLE_BODY]       = { SANS "10.5", 0.10, 0.10, 0.12, 3, 0 },
  [HEARD_DOCUMENT_STYLE_WORDS]      = { SERIF "12", 0.05, 0.05, 0.07, 4, 12 },
  [HEARD_DOCUMENT_STYLE_META]       = { SANS "9", 0.30, 0.30, 0.33, 12, 0 },
  [HEARD_DOCUMENT_STYLE_NOTE]       = { SANS "Italic 9.5", 0.45, 0.22, 0.05, 3, 12 },
  [HEARD_DOCUMENT_STYLE_MARK]       = { SANS "Bold 11", 0.60, 0.12, 0.08, 12, 0 },
  [HEARD_DOCUMENT_STYLE_FOOTER]     = { SANS "8.5", 0.30, 0.30, 0.33, 0, 0 },
};

/* One laid-out line: where it sits in its layout, in points. */
typedef struct
{
  PangoLayoutLine *line;
  double           x, top, height, baseline;
} Line;

typedef struct
{
  PangoLayout *layout;
  GArray      *lines; /* of Line */
} Column;

/* A block laid out: its columns' lines (text) or its height (charts). */
typedef struct
{
  Column columns[HEARD_DOCUMENT_MAX_COLUMNS];
  double column_width;
} Laid;

/* The part of one block on one page, at @y of the page's body. */
typedef struct
{
  guint  block;
  double y;
  guint  first[HEARD_DOCUMENT_MAX_COLUMNS];
  guint  end[HEARD_DOCUMENT_MAX_COLUMNS];
} Piece;

struct _HeardDocumentPages
{
  const HeardDocumentBlocks *blocks;
  PangoContext              *context;
  PangoContext              *chart_context;
  double                     body_width, body_height;
  Laid                      *laid;  /* one per block */
  GPtrArray                 *pages; /* of GArray of Piece */
};

static void
clear_block (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < HEARD_DOCUMENT_MAX_COLUMNS; i++)
    g_free (block->texts[i]);
}

static Block *
append_block (HeardDocumentBlocks *blocks,
              BlockKind            kind)
{
  Block block = { .kind = kind };

  g_array_append_val (blocks->blocks, block);
  return &g_array_index (blocks->blocks, Block, blocks->blocks->len - 1);
}

static const Block *
get_block (const HeardDocumentBlocks *blocks,
           guint                      index)
{
  return &g_array_index (blocks->blocks, Block, index);
}

/* Whether Pango would set @c in a colour emoji font, unless asked for text. */
static gboolean
is_emoji (gunichar c)
{
  return (c >= 0x1F000 && c <= 0x1FAFF && !(c >= 0x1F1E6 && c <= 0x1F1FF) &&
          !(c >= 0x1F3FB && c <= 0x1F3FF)) ||
         (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2B00 && c <= 0x2BFF);
}

/* @text with each lone emoji asked to look like text (U+FE0E), so that Pango
 * sets it in Symbola and it stays text in the PDF: a colour emoji goes in as a
 * picture, which pdftotext, search and a screen reader cannot read. Emoji
 * joined into one (families, skin tones) and flags keep their colour. */
static char *
show_emoji_as_text (const char *text)
{
  GString *shown = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *after = g_utf8_next_char (p);
      gunichar next = g_utf8_get_char (after);

      g_string_append_unichar (shown, c);
      if (!is_emoji (c) || next == 0x200D || (next >= 0x1F3FB && next <= 0x1F3FF))
        continue;
      if (next == 0xFE0F)
        p = after;
      if (next != 0xFE0E)
        g_string_append_unichar (shown, 0xFE0E);
    }
  return g_string_free (shown, FALSE);
}

static PangoLayout *
create_layout (PangoContext       *context,
               HeardDocumentStyle  style,
               const char         *text,
               double              width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (styles[style].font);
  g_autofree char *shown = show_emoji_as_text (text);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Each paragraph finds its own direction: Arabic is right-aligned. */
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, shown, -1);

  return layout;
}

/* The charts' labels in the document's small sans-serif, measured as the
 * text around them is. */
static PangoContext *
create_chart_context (PangoContext *context)
{
  PangoContext *charts = pango_font_map_create_context (pango_context_get_font_map (context));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SANS "8");

  pango_context_set_font_description (charts, font);
  pango_cairo_context_set_font_options (charts, pango_cairo_context_get_font_options (context));
  pango_cairo_context_set_resolution (charts, pango_cairo_context_get_resolution (context));
  return charts;
}

static void
lay_out_column (Column             *column,
                PangoContext       *context,
                HeardDocumentStyle  style,
                const char         *text,
                double              width)
{
  PangoLayoutIter *iter;

  column->layout = create_layout (context, style, text, width);
  column->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  iter = pango_layout_get_iter (column->layout);
  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = pango_layout_iter_get_line_readonly (iter);
      line.x = pango_units_to_double (logical.x);
      line.top = pango_units_to_double (logical.y);
      line.height = pango_units_to_double (logical.height);
      line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      g_array_append_val (column->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
lay_out_block (HeardDocumentPages *pages,
               guint               index)
{
  const Block *block = get_block (pages->blocks, index);
  Laid *laid = &pages->laid[index];
  double width = pages->body_width - styles[block->style].indent;

  if (block->kind != BLOCK_TEXT)
    return;

  laid->column_width = (width - COLUMN_GAP * (block->n_columns - 1)) / block->n_columns;
  for (guint c = 0; c < block->n_columns; c++)
    lay_out_column (&laid->columns[c], pages->context, block->style, block->texts[c],
                    laid->column_width);
}

static double
line_bottom (const Column *column,
             guint         index)
{
  const Line *line = &g_array_index (column->lines, Line, index);

  return line->top + line->height;
}

static double
line_top (const Column *column,
          guint         index)
{
  return g_array_index (column->lines, Line, index).top;
}

/* The height of the whole block, or of its first line when @first_line. */
static double
block_height (const HeardDocumentPages *pages,
              guint                     index,
              gboolean                  first_line)
{
  const Block *block = get_block (pages->blocks, index);
  const Laid *laid = &pages->laid[index];
  double height = 0.0;

  if (block->kind == BLOCK_CHART)
    return block->height;
  if (block->kind == BLOCK_PAGE_BREAK)
    return 0.0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      const Column *column = &laid->columns[c];

      height = MAX (height, line_bottom (column, first_line ? 0 : column->lines->len - 1));
    }
  return height;
}

/* What must fit below a heading for it to stay where it is: itself, the
 * headings kept with it, and the first line of what they introduce. */
static double
kept_height (const HeardDocumentPages *pages,
             guint                     index)
{
  double height = 0.0;
  guint n = pages->blocks->blocks->len;

  for (guint i = index; i < n; i++)
    {
      const Block *block = get_block (pages->blocks, i);

      if (i > index)
        height += styles[block->style].space_before;
      if (!block->keep_with_next || i + 1 == n)
        return height + block_height (pages, i, TRUE);
      height += block_height (pages, i, FALSE);
    }
  return height;
}

static GArray *
new_page (HeardDocumentPages *pages)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (pages->pages, page);
  return page;
}

/* Places as many of the block's lines as fit in @room from each column's
 * @next line on; FALSE when not one fits. */
static gboolean
take_lines (const Laid  *laid,
            const Block *block,
            double       room,
            guint       *next,
            Piece       *piece,
            double      *used)
{
  gboolean took = FALSE;

  *used = 0.0;
  for (guint c = 0; c < block->n_columns; c++)
    {
      const Column *column = &laid->columns[c];
      guint end = next[c];

      while (end < column->lines->len &&
             line_bottom (column, end) - line_top (column, next[c]) <= room)
        end++;
      piece->first[c] = next[c];
      piece->end[c] = end;
      if (end > next[c])
        {
          took = TRUE;
          *used = MAX (*used, line_bottom (column, end - 1) - line_top (column, next[c]));
        }
    }
  return took;
}

static gboolean
lines_left (const Laid  *laid,
            const Block *block,
            const guint *next)
{
  for (guint c = 0; c < block->n_columns; c++)
    if (next[c] < laid->columns[c].lines->len)
      return TRUE;
  return FALSE;
}

/* Every line of a column too tall for a whole page still goes somewhere. */
static void
force_lines (const Laid  *laid,
             const Block *block,
             const guint *next,
             Piece       *piece,
             double      *used)
{
  *used = 0.0;
  for (guint c = 0; c < block->n_columns; c++)
    {
      const Column *column = &laid->columns[c];

      piece->first[c] = next[c];
      piece->end[c] = MIN (next[c] + 1, column->lines->len);
      if (piece->end[c] > next[c])
        *used = MAX (*used, line_bottom (column, next[c]) - line_top (column, next[c]));
    }
}

static void
paginate (HeardDocumentPages *pages)
{
  GArray *page = new_page (pages);
  double y = 0.0;

  for (guint i = 0; i < pages->blocks->blocks->len; i++)
    {
      const Block *block = get_block (pages->blocks, i);
      const Laid *laid = &pages->laid[i];
      double space = y > 0.0 ? styles[block->style].space_before : 0.0;
      guint next[HEARD_DOCUMENT_MAX_COLUMNS] = { 0, };

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (page->len > 0)
            {
              page = new_page (pages);
              y = 0.0;
            }
          continue;
        }

      if (y > 0.0 && y + space + (block->keep_with_next ? kept_height (pages, i)
                                  : block_height (pages, i, block->kind == BLOCK_TEXT))
                     > pages->body_height)
        {
          page = new_page (pages);
          y = space = 0.0;
        }
      y += space;

      if (block->kind == BLOCK_CHART)
        {
          Piece piece = { .block = i, .y = y };

          g_array_append_val (page, piece);
          y += block->height;
          continue;
        }

      while (lines_left (laid, block, next))
        {
          Piece piece = { .block = i, .y = y };
          double used;

          if (!take_lines (laid, block, pages->body_height - y, next, &piece, &used))
            {
              if (y > 0.0)
                {
                  page = new_page (pages);
                  y = 0.0;
                  continue;
                }
              force_lines (laid, block, next, &piece, &used);
            }
          g_array_append_val (page, piece);
          for (guint c = 0; c < block->n_columns; c++)
            next[c] = piece.end[c];
          y += used;
          if (lines_left (laid, block, next))
            {
              page = new_page (pages);
              y = 0.0;
            }
        }
    }
}

static void
draw_piece (const HeardDocumentPages *pages,
            cairo_t                  *cr,
            const Piece              *piece)
{
  const Block *block = get_block (pages->blocks, piece->block);
  const Laid *laid = &pages->laid[piece->block];
  double indent = styles[block->style].indent;
  double bottom = piece->y;

  if (block->kind == BLOCK_CHART)
    {
      cairo_save (cr);
      cairo_translate (cr, 0.0, piece->y);
      block->draw (cr, pages->chart_context, pages->body_width, block->height, block->chart);
      cairo_restore (cr);
      return;
    }

  _heard_document_set_style_color (cr, block->style);
  for (guint c = 0; c < block->n_columns; c++)
    {
      const Column *column = &laid->columns[c];
      double x = indent + c * (laid->column_width + COLUMN_GAP);

      for (guint l = piece->first[c]; l < piece->end[c]; l++)
        {
          const Line *line = &g_array_index (column->lines, Line, l);
          double top = piece->y + line->top - line_top (column, piece->first[c]);

          cairo_move_to (cr, x + line->x, top + line->baseline - line->top);
          pango_cairo_show_layout_line (cr, line->line);
          bottom = MAX (bottom, top + line->height);
        }
    }

  /* Their words stand out by a rule beside them, not by colour alone. */
  if (block->style == HEARD_DOCUMENT_STYLE_WORDS && bottom > piece->y)
    {
      cairo_rectangle (cr, 0.0, piece->y, WORDS_BAR, bottom - piece->y);
      cairo_fill (cr);
    }
}

HeardDocumentBlocks *
_heard_document_blocks_new (void)
{
  HeardDocumentBlocks *blocks = g_new0 (HeardDocumentBlocks, 1);

  blocks->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (blocks->blocks, clear_block);
  return blocks;
}

void
_heard_document_blocks_free (HeardDocumentBlocks *blocks)
{
  if (blocks == NULL)
    return;

  g_array_unref (blocks->blocks);
  g_clear_pointer (&blocks->redaction, heard_redaction_free);
  g_free (blocks);
}

void
_heard_document_blocks_add_columns (HeardDocumentBlocks *blocks,
                                    HeardDocumentStyle   style,
                                    const char *const   *texts,
                                    guint                n_columns)
{
  Block *block;

  g_assert (n_columns > 0 && n_columns <= HEARD_DOCUMENT_MAX_COLUMNS);

  block = append_block (blocks, BLOCK_TEXT);
  block->style = style;
  block->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    block->texts[c] = blocks->redaction != NULL
                      ? heard_redaction_apply (blocks->redaction, texts[c] != NULL ? texts[c] : "")
                      : g_strdup (texts[c] != NULL ? texts[c] : "");
}

void
_heard_document_blocks_add_text (HeardDocumentBlocks *blocks,
                                 HeardDocumentStyle   style,
                                 const char          *text)
{
  _heard_document_blocks_add_columns (blocks, style, &text, 1);
}

void
_heard_document_blocks_add_chart (HeardDocumentBlocks    *blocks,
                                  double                  height,
                                  HeardDocumentChartFunc  draw,
                                  gconstpointer           chart)
{
  Block *block = append_block (blocks, BLOCK_CHART);

  block->style = HEARD_DOCUMENT_STYLE_BODY;
  block->height = height;
  block->draw = draw;
  block->chart = chart;
}

void
_heard_document_blocks_add_page_break (HeardDocumentBlocks *blocks)
{
  append_block (blocks, BLOCK_PAGE_BREAK);
}

void
_heard_document_blocks_keep_with_next (HeardDocumentBlocks *blocks)
{
  g_assert (blocks->blocks->len > 0);

  g_array_index (blocks->blocks, Block, blocks->blocks->len - 1).keep_with_next = TRUE;
}

HeardDocumentPages *
_heard_document_pages_new (const HeardDocumentBlocks *blocks,
                           PangoContext              *context,
                           double                     width,
                           double                     height)
{
  HeardDocumentPages *pages = g_new0 (HeardDocumentPages, 1);

  pages->blocks = blocks;
  pages->context = g_object_ref (context);
  pages->chart_context = create_chart_context (context);
  pages->body_width = MAX (width - 2 * HEARD_DOCUMENT_MARGIN_SIDE, 1.0);
  pages->body_height = MAX (height - HEARD_DOCUMENT_MARGIN_TOP - HEARD_DOCUMENT_MARGIN_BOTTOM,
                            1.0);
  pages->laid = g_new0 (Laid, blocks->blocks->len);
  pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < blocks->blocks->len; i++)
    lay_out_block (pages, i);
  paginate (pages);

  return pages;
}

void
_heard_document_pages_free (HeardDocumentPages *pages)
{
  if (pages == NULL)
    return;

  for (guint i = 0; i < pages->blocks->blocks->len; i++)
    for (guint c = 0; c < HEARD_DOCUMENT_MAX_COLUMNS; c++)
      {
        g_clear_object (&pages->laid[i].columns[c].layout);
        g_clear_pointer (&pages->laid[i].columns[c].lines, g_array_unref);
      }
  g_free (pages->laid);
  g_ptr_array_unref (pages->pages);
  g_object_unref (pages->context);
  g_object_unref (pages->chart_context);
  g_free (pages);
}

guint
_heard_document_pages_get_n (const HeardDocumentPages *pages)
{
  return pages->pages->len;
}

void
_heard_document_pages_draw (const HeardDocumentPages *pages,
                            cairo_t                  *cr,
                            guint                     page)
{
  GArray *pieces;

  g_return_if_fail (page < pages->pages->len);

  pieces = g_ptr_array_index (pages->pages, page);
  cairo_save (cr);
  cairo_translate (cr, HEARD_DOCUMENT_MARGIN_SIDE, HEARD_DOCUMENT_MARGIN_TOP);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (pages, cr, &g_array_index (pieces, Piece, i));
  cairo_restore (cr);
}

PangoLayout *
_heard_document_pages_create_layout (const HeardDocumentPages *pages,
                                     HeardDocumentStyle        style,
                                     const char               *text,
                                     double                    width)
{
  return create_layout (pages->context, style, text, width);
}

void
_heard_document_set_style_color (cairo_t            *cr,
                                 HeardDocumentStyle  style)
{
  cairo_set_source_rgb (cr, styles[style].red, styles[style].green, styles[style].blue);
}

void
_heard_document_blocks_set_redaction (HeardDocumentBlocks *blocks,
                                      const char *const   *names)
{
  g_clear_pointer (&blocks->redaction, heard_redaction_free);
  blocks->redaction = heard_redaction_new (names);
}

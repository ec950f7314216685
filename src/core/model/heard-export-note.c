/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-export-note"

#include "config.h"

#include <string.h>

#include "heard-export-note.h"

/*
 * The note of one export, and its one serialisation into an audit entry's
 * detail: written here and read back here, so that the sharing log reads
 * exactly what the export wrote.
 */

static const char *const kind_codes[HEARD_EXPORT_N_KINDS] = {
  [HEARD_EXPORT_PDF] = "pdf",
  [HEARD_EXPORT_PRINT] = "print",
  [HEARD_EXPORT_CHECK_INS_CSV] = "check-ins-csv",
  [HEARD_EXPORT_ICS] = "ics",
  [HEARD_EXPORT_SIGNS_CSV] = "signs-csv",
  [HEARD_EXPORT_SHARING_CSV] = "sharing-csv",
  [HEARD_EXPORT_MY_RECORD] = "my-record",
  [HEARD_EXPORT_SUBJECT_ACCESS] = "subject-access",
};

/* The optional words after the six every note has, in this order. */
static const char *const said_keys[] = { "names", "words" };

/* "yes" or "no", or nothing when unsaid. */
static gboolean
parse_said (const char      *text,
            HeardExportSaid *said)
{
  if (text == NULL)
    *said = HEARD_EXPORT_UNSAID;
  else if (g_str_equal (text, "yes"))
    *said = HEARD_EXPORT_YES;
  else if (g_str_equal (text, "no"))
    *said = HEARD_EXPORT_NO;
  else
    return FALSE;
  return TRUE;
}

/* A whole non-negative decimal number, nothing else. */
static gboolean
parse_number (const char *text,
              guint64     max,
              guint64    *number)
{
  return text[0] != '\0' && g_ascii_string_to_unsigned (text, 10, 0, max, number, NULL);
}

static gboolean
parse_statements (HeardExportNote *note,
                  const char      *text)
{
  g_auto(GStrv) items = NULL;

  if (text[0] == '\0')
    return TRUE;

  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", -1);
      guint64 id, version;

      if (g_strv_length (parts) != 2 || !parse_number (parts[0], G_MAXINT64, &id) ||
          !parse_number (parts[1], G_MAXUINT, &version))
        return FALSE;
      heard_export_note_add_statement (note, (gint64) id, (guint) version);
    }

  return TRUE;
}

const char *
heard_export_kind_to_code (HeardExportKind kind)
{
  g_return_val_if_fail (kind < HEARD_EXPORT_N_KINDS, NULL);

  return kind_codes[kind];
}

gboolean
heard_export_kind_from_code (const char      *code,
                             HeardExportKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < HEARD_EXPORT_N_KINDS; i++)
    {
      if (g_strcmp0 (kind_codes[i], code) == 0)
        {
          *kind = (HeardExportKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

HeardExportNote *
heard_export_note_new (HeardExportKind  kind,
                       const char      *recipient)
{
  HeardExportNote *note;

  g_return_val_if_fail (kind < HEARD_EXPORT_N_KINDS, NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  note = g_new0 (HeardExportNote, 1);
  note->kind = kind;
  note->recipient = g_strdup (recipient);
  note->statements = g_array_new (FALSE, FALSE, sizeof (HeardExportedStatement));

  return note;
}

HeardExportNote *
heard_export_note_copy (const HeardExportNote *note)
{
  HeardExportNote *copy;

  g_return_val_if_fail (note != NULL, NULL);

  copy = heard_export_note_new (note->kind, note->recipient);
  copy->plan_id = note->plan_id;
  copy->plan_version = note->plan_version;
  copy->n_check_ins = note->n_check_ins;
  copy->names = note->names;
  copy->words = note->words;
  g_array_append_vals (copy->statements, note->statements->data, note->statements->len);

  return copy;
}

void
heard_export_note_free (HeardExportNote *note)
{
  if (note == NULL)
    return;

  g_free (note->recipient);
  g_array_unref (note->statements);
  g_free (note);
}

void
heard_export_note_add_statement (HeardExportNote *note,
                                 gint64           id,
                                 guint            version)
{
  HeardExportedStatement statement = { id, version };

  g_return_if_fail (note != NULL);
  g_return_if_fail (id > 0 && version > 0);

  g_array_append_val (note->statements, statement);
}

char *
heard_export_note_to_detail (const HeardExportNote *note)
{
  GString *detail;

  g_return_val_if_fail (note != NULL, NULL);
  /* A space would split the line where it must not. */
  g_return_val_if_fail (note->recipient[0] != '\0' && strchr (note->recipient, ' ') == NULL,
                        NULL);

  detail = g_string_new (NULL);
  g_string_append_printf (detail, "what=%s for=%s plan=%" G_GINT64_FORMAT " plan-version=%u"
                          " statements=", heard_export_kind_to_code (note->kind),
                          note->recipient, note->plan_id, note->plan_version);
  for (guint i = 0; i < note->statements->len; i++)
    {
      const HeardExportedStatement *statement =
        &g_array_index (note->statements, HeardExportedStatement, i);

      g_string_append_printf (detail, "%s%" G_GINT64_FORMAT ":%u", i > 0 ? "," : "",
                              statement->id, statement->version);
    }
  g_string_append_printf (detail, " check-ins=%u", note->n_check_ins);
  for (guint i = 0; i < G_N_ELEMENTS (said_keys); i++)
    {
      HeardExportSaid said = i == 0 ? note->names : note->words;

      if (said != HEARD_EXPORT_UNSAID)
        g_string_append_printf (detail, " %s=%s", said_keys[i],
                                said == HEARD_EXPORT_YES ? "yes" : "no");
    }

  return g_string_free (detail, FALSE);
}

HeardExportNote *
heard_export_note_from_detail (const char *detail)
{
  static const char *const keys[] = {
    "what", "for", "plan", "plan-version", "statements", "check-ins",
  };
  g_auto(GStrv) words = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  const char *values[G_N_ELEMENTS (keys)];
  const char *said_values[G_N_ELEMENTS (said_keys)] = { NULL };
  HeardExportKind kind;
  guint64 plan_id, plan_version, n_check_ins;

  g_return_val_if_fail (detail != NULL, NULL);

  /* The words come in the order the note writes them, each key once; the
   * optional ones after. */
  words = g_strsplit (detail, " ", -1);
  if (g_strv_length (words) < G_N_ELEMENTS (keys))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!g_str_has_prefix (words[i], keys[i]) || words[i][strlen (keys[i])] != '=')
        return NULL;
      values[i] = words[i] + strlen (keys[i]) + 1;
    }
  for (guint i = G_N_ELEMENTS (keys), key = 0; words[i] != NULL; i++, key++)
    {
      while (key < G_N_ELEMENTS (said_keys) &&
             (!g_str_has_prefix (words[i], said_keys[key]) ||
              words[i][strlen (said_keys[key])] != '='))
        key++;
      if (key == G_N_ELEMENTS (said_keys))
        return NULL;
      said_values[key] = words[i] + strlen (said_keys[key]) + 1;
    }

  if (!heard_export_kind_from_code (values[0], &kind) || values[1][0] == '\0' ||
      !parse_number (values[2], G_MAXINT64, &plan_id) ||
      !parse_number (values[3], G_MAXUINT, &plan_version) ||
      !parse_number (values[5], G_MAXUINT, &n_check_ins))
    return NULL;

  note = heard_export_note_new (kind, values[1]);
  note->plan_id = (gint64) plan_id;
  note->plan_version = (guint) plan_version;
  note->n_check_ins = (guint) n_check_ins;
  if (!parse_statements (note, values[4]))
    return NULL;
  if (!parse_said (said_values[0], &note->names) || !parse_said (said_values[1], &note->words))
    return NULL;

  return g_steal_pointer (&note);
}

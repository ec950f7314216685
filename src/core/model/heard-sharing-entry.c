/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sharing-entry"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-recipient.h"
#include "heard-sharing-entry.h"
#include "heard-statement.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * A decision to share or not to share, one version of it, as a form
 * gathers it and the store reads it back. What the law asks to be written
 * down is heard_sharing_entry_check()'s, field by field, so that a form can
 * say each beside its box; what belongs to the records (the agency, the
 * lawful basis and the linked records exist and are this young person's)
 * is the store's. The schema's CHECKs refuse the same.
 */

struct _HeardLawfulBasis
{
  GObject  parent_instance;

  char    *code;
  char    *label;
  char    *explanation;
};

G_DEFINE_FINAL_TYPE (HeardLawfulBasis, heard_lawful_basis, G_TYPE_OBJECT)

/* Read-only, for lists and drop-downs to bind. */
enum {
  BASIS_PROP_0,
  BASIS_PROP_CODE,
  BASIS_PROP_LABEL,
  BASIS_PROP_EXPLANATION,
  BASIS_N_PROPS
};

static GParamSpec *basis_properties[BASIS_N_PROPS];

struct _HeardSharingEntry
{
  GObject               parent_instance;

  gint64                id;
  gint64                person_id;
  guint                 version;
  HeardSharingDecision  decision;
  gint64                agency_id;
  char                 *shared_on;
  HeardSharingMethod    method;
  char                 *lawful_basis;
  HeardSharingAgreed    agreed;
  gboolean              told;
  /* Whether agreed and told were answered; until then they hold what a
   * decision not to share keeps. */
  gboolean              agreed_answered;
  gboolean              told_answered;
  char                 *texts[HEARD_SHARING_N_TEXTS];
  gint64                export_audit_id;
  GArray               *links;
  char                 *saved_by;
  char                 *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardSharingEntry, heard_sharing_entry, G_TYPE_OBJECT)

G_DEFINE_QUARK (heard-sharing-error-quark, heard_sharing_error)

#define SHORT_TEXT_CHARS 500

static const HeardTextField text_fields[HEARD_SHARING_N_TEXTS] = {
  [HEARD_SHARING_WHAT] = { "what", "what", HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_SHARING_CONTACT] = { "contact", "contact", SHORT_TEXT_CHARS },
  [HEARD_SHARING_PURPOSE] = { "purpose", "purpose", HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_SHARING_AGREEMENT_REASON] = { "agreement-reason", "agreement_reason",
                                       HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_SHARING_DECIDED_BY] = { "decided-by", "decided_by", SHORT_TEXT_CHARS },
  [HEARD_SHARING_NOT_TOLD_REASON] = { "not-told-reason", "not_told_reason",
                                      HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_SHARING_NECESSARY] = { "necessary", "necessary", HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_SHARING_NOT_SHARED_REASON] = { "not-shared-reason", "not_shared_reason",
                                        HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_SHARING_REASON] = { "reason", "reason", HEARD_STATEMENT_MAX_REASON_CHARS },
};

static const char *const decision_codes[HEARD_SHARING_N_DECISIONS] = {
  [HEARD_SHARING_SHARED] = "shared",
  [HEARD_SHARING_NOT_SHARED] = "not-shared",
};

static const struct
{
  const char *code;
  const char *label;
} methods[HEARD_SHARING_N_METHODS] = {
  [HEARD_SHARING_METHOD_MEETING] = { "meeting", N_("Meeting") },
  [HEARD_SHARING_METHOD_PHONE] = { "phone", N_("Phone") },
  [HEARD_SHARING_METHOD_EMAIL] = { "email", N_("Email") },
  [HEARD_SHARING_METHOD_SECURE_TRANSFER] = { "secure-transfer", N_("Secure transfer") },
  [HEARD_SHARING_METHOD_PRINTED_REPORT] = { "printed-report", N_("Printed report") },
  [HEARD_SHARING_METHOD_OTHER] = { "other", N_("Other") },
};

static const char *const agreed_codes[HEARD_SHARING_N_AGREED] = {
  [HEARD_SHARING_AGREED_YES] = "yes",
  [HEARD_SHARING_AGREED_NO] = "no",
  [HEARD_SHARING_AGREED_NOT_ASKED] = "not-asked",
};

static const char *const link_codes[HEARD_SHARING_N_LINK_KINDS] = {
  [HEARD_SHARING_LINK_STATEMENT] = "statement",
  [HEARD_SHARING_LINK_PLAN] = "plan",
  [HEARD_SHARING_LINK_CHECK_IN] = "check-in",
};

/* The bases the records are made with (schema 9 seeds the same codes and
 * words); one added to the records later shows its stored words. */
static const struct
{
  const char *code;
  const char *label;
  const char *explanation;
} bases[] = {
  { "consent", N_("Consent"),
    N_("The young person, or someone who can decide for them, said yes to this being shared.") },
  { "legal-obligation", N_("A legal obligation"),
    N_("A law says this must be shared, such as a court order.") },
  { "public-task", N_("A public task"),
    N_("Sharing is part of a public duty your organisation has by law.") },
  { "vital-interests", N_("Vital interests"),
    N_("Sharing is needed to protect someone’s life, and there is no time to ask.") },
  { "legitimate-interests", N_("Legitimate interests"),
    N_("Sharing serves a real need of your organisation that does not override the young "
       "person’s rights.") },
  { "safeguarding", N_("Safeguarding a child"),
    N_("Sharing is needed to keep a child safe from harm, a substantial public interest.") },
};

/* Codes */

static gboolean
code_lookup (const char *const *codes,
             guint              n_codes,
             const char        *code,
             guint             *index)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

const char *
heard_sharing_decision_to_code (HeardSharingDecision decision)
{
  g_return_val_if_fail (decision < HEARD_SHARING_N_DECISIONS, NULL);

  return decision_codes[decision];
}

gboolean
heard_sharing_decision_from_code (const char           *code,
                                  HeardSharingDecision *decision)
{
  guint i;

  if (!code_lookup (decision_codes, HEARD_SHARING_N_DECISIONS, code, &i))
    return FALSE;
  *decision = (HeardSharingDecision) i;
  return TRUE;
}

const char *
heard_sharing_method_to_code (HeardSharingMethod method)
{
  g_return_val_if_fail (method < HEARD_SHARING_N_METHODS, NULL);

  return methods[method].code;
}

gboolean
heard_sharing_method_from_code (const char         *code,
                                HeardSharingMethod *method)
{
  for (guint i = 0; i < HEARD_SHARING_N_METHODS; i++)
    if (g_strcmp0 (methods[i].code, code) == 0)
      {
        *method = (HeardSharingMethod) i;
        return TRUE;
      }

  return FALSE;
}

const char *
heard_sharing_method_label (HeardSharingMethod method)
{
  g_return_val_if_fail (method < HEARD_SHARING_N_METHODS, NULL);

  return _(methods[method].label);
}

const char *
heard_sharing_agreed_to_code (HeardSharingAgreed agreed)
{
  g_return_val_if_fail (agreed < HEARD_SHARING_N_AGREED, NULL);

  return agreed_codes[agreed];
}

gboolean
heard_sharing_agreed_from_code (const char         *code,
                                HeardSharingAgreed *agreed)
{
  guint i;

  if (!code_lookup (agreed_codes, HEARD_SHARING_N_AGREED, code, &i))
    return FALSE;
  *agreed = (HeardSharingAgreed) i;
  return TRUE;
}

const char *
heard_sharing_link_kind_to_code (HeardSharingLinkKind kind)
{
  g_return_val_if_fail (kind < HEARD_SHARING_N_LINK_KINDS, NULL);

  return link_codes[kind];
}

gboolean
heard_sharing_link_kind_from_code (const char           *code,
                                   HeardSharingLinkKind *kind)
{
  guint i;

  if (!code_lookup (link_codes, HEARD_SHARING_N_LINK_KINDS, code, &i))
    return FALSE;
  *kind = (HeardSharingLinkKind) i;
  return TRUE;
}

/* Lawful bases */

static void
heard_lawful_basis_finalize (GObject *object)
{
  HeardLawfulBasis *self = HEARD_LAWFUL_BASIS (object);

  g_free (self->code);
  g_free (self->label);
  g_free (self->explanation);

  G_OBJECT_CLASS (heard_lawful_basis_parent_class)->finalize (object);
}

static void
heard_lawful_basis_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeardLawfulBasis *self = HEARD_LAWFUL_BASIS (object);

  switch (prop_id)
    {
    case BASIS_PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case BASIS_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case BASIS_PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_lawful_basis_class_init (HeardLawfulBasisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_lawful_basis_finalize;
  object_class->get_property = heard_lawful_basis_get_property;

  basis_properties[BASIS_PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  basis_properties[BASIS_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  basis_properties[BASIS_PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, BASIS_N_PROPS, basis_properties);
}

static void
heard_lawful_basis_init (HeardLawfulBasis *self)
{
}

HeardLawfulBasis *
heard_lawful_basis_new (const char *code,
                        const char *stored_label,
                        const char *stored_explanation)
{
  HeardLawfulBasis *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (HEARD_TYPE_LAWFUL_BASIS, NULL);
  self->code = g_strdup (code);
  for (gsize i = 0; i < G_N_ELEMENTS (bases); i++)
    if (g_strcmp0 (bases[i].code, code) == 0)
      {
        self->label = g_strdup (_(bases[i].label));
        self->explanation = g_strdup (_(bases[i].explanation));
        return self;
      }
  self->label = g_strdup (stored_label != NULL ? stored_label : code);
  self->explanation = g_strdup (stored_explanation != NULL ? stored_explanation : "");
  return self;
}

const char *
heard_lawful_basis_get_code (HeardLawfulBasis *self)
{
  g_return_val_if_fail (HEARD_IS_LAWFUL_BASIS (self), NULL);

  return self->code;
}

const char *
heard_lawful_basis_get_label (HeardLawfulBasis *self)
{
  g_return_val_if_fail (HEARD_IS_LAWFUL_BASIS (self), NULL);

  return self->label;
}

const char *
heard_lawful_basis_get_explanation (HeardLawfulBasis *self)
{
  g_return_val_if_fail (HEARD_IS_LAWFUL_BASIS (self), NULL);

  return self->explanation;
}

/* Entries */

static void
heard_sharing_entry_finalize (GObject *object)
{
  HeardSharingEntry *self = HEARD_SHARING_ENTRY (object);

  g_free (self->shared_on);
  g_free (self->lawful_basis);
  heard_text_fields_clear (self->texts, HEARD_SHARING_N_TEXTS);
  g_array_unref (self->links);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_sharing_entry_parent_class)->finalize (object);
}

static void
heard_sharing_entry_class_init (HeardSharingEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_sharing_entry_finalize;
}

static void
heard_sharing_entry_init (HeardSharingEntry *self)
{
  GDate today;

  self->version = 1;
  heard_date_today (&today);
  self->shared_on = heard_date_to_iso (&today);
  self->lawful_basis = g_strdup ("");
  /* Not answered: what a decision not to share keeps, which asks neither. */
  self->agreed = HEARD_SHARING_AGREED_YES;
  self->told = TRUE;
  heard_text_fields_init (self->texts, HEARD_SHARING_N_TEXTS);
  self->links = g_array_new (FALSE, FALSE, sizeof (HeardSharingLink));
  self->saved_by = g_strdup ("");
  self->saved_at = g_strdup ("");
}

HeardSharingEntry *
heard_sharing_entry_new (gint64               person_id,
                         HeardSharingDecision decision)
{
  HeardSharingEntry *self = g_object_new (HEARD_TYPE_SHARING_ENTRY, NULL);

  self->person_id = person_id;
  heard_sharing_entry_set_decision (self, decision);
  return self;
}

/* What went out, in words: "The support plan (version 3), 2 statements,
 * 20 check-ins (not listed one by one), with their name, with what they
 * said at check-ins". The note counts check-ins without naming them, so
 * the draft links the plan and statements alone and says so; where
 * check-ins went, the words flag is about what they said at them. */
static char *
describe_note (const HeardExportNote *note)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (note->plan_id != 0)
    /* TRANSLATORS: what an export held; %u is the plan's version */
    g_ptr_array_add (parts, g_strdup_printf (_("the support plan (version %u)"),
                                             note->plan_version));
  if (note->statements->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement",
                                                          "%u statements",
                                                          note->statements->len),
                                             note->statements->len));
  if (note->n_check_ins > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u check-in (not listed one by one)",
                                                   "%u check-ins (not listed one by one)",
                                                   note->n_check_ins),
                                      note->n_check_ins));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("an export from Heard")));
  if (note->names == HEARD_EXPORT_YES)
    g_ptr_array_add (parts, g_strdup (_("with their name")));
  else if (note->names == HEARD_EXPORT_NO)
    g_ptr_array_add (parts, g_strdup (_("without their name")));
  if (note->words == HEARD_EXPORT_YES)
    g_ptr_array_add (parts, g_strdup (note->n_check_ins > 0 ? _("with what they said at check-ins")
                                                            : _("with their words")));
  else if (note->words == HEARD_EXPORT_NO)
    g_ptr_array_add (parts, g_strdup (note->n_check_ins > 0
                                      ? _("without what they said at check-ins")
                                      : _("without their words")));
  g_ptr_array_add (parts, NULL);

  /* The parts are lower case to be joined: the whole starts with a capital. */
  list = g_strjoinv (", ", (char **) parts->pdata);
  return g_strdup_printf ("%C%s", g_unichar_toupper (g_utf8_get_char (list)),
                          g_utf8_next_char (list));
}

HeardSharingEntry *
heard_sharing_entry_new_from_export_note (gint64                 person_id,
                                          gint64                 audit_id,
                                          const char            *made_at,
                                          const HeardExportNote *note)
{
  HeardSharingEntry *self;
  g_autoptr(HeardRecipient) recipient = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (note != NULL, NULL);

  self = heard_sharing_entry_new (person_id, HEARD_SHARING_SHARED);
  self->export_audit_id = audit_id;
  what = describe_note (note);
  heard_sharing_entry_set_text (self, HEARD_SHARING_WHAT, what);
  self->method = note->kind == HEARD_EXPORT_PRINT ? HEARD_SHARING_METHOD_PRINTED_REPORT
                                                  : HEARD_SHARING_METHOD_SECURE_TRANSFER;
  if (made_at != NULL && strlen (made_at) >= 10)
    {
      g_autofree char *day = g_strndup (made_at, 10);

      heard_sharing_entry_set_shared_on (self, day);
    }

  /* The one directory entry it went to; a meeting's or a kind's is for
   * the worker to choose. */
  recipient = heard_recipient_from_code (note->recipient);
  if (recipient != NULL && recipient->entries != NULL && recipient->entries->len == 1)
    self->agency_id = g_array_index (recipient->entries, HeardRecipientEntry, 0).id;

  if (note->plan_id != 0)
    heard_sharing_entry_add_link (self, HEARD_SHARING_LINK_PLAN, note->plan_id);
  for (guint i = 0; i < note->statements->len; i++)
    heard_sharing_entry_add_link (self, HEARD_SHARING_LINK_STATEMENT,
                                  g_array_index (note->statements, HeardExportedStatement, i).id);
  return self;
}

HeardSharingEntry *
heard_sharing_entry_copy (HeardSharingEntry *self)
{
  HeardSharingEntry *copy;

  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  copy = heard_sharing_entry_new (self->person_id, self->decision);
  copy->id = self->id;
  copy->version = self->version;
  copy->agency_id = self->agency_id;
  heard_sharing_entry_set_shared_on (copy, self->shared_on);
  copy->method = self->method;
  heard_sharing_entry_set_lawful_basis (copy, self->lawful_basis);
  copy->agreed = self->agreed;
  copy->told = self->told;
  copy->agreed_answered = self->agreed_answered;
  copy->told_answered = self->told_answered;
  for (guint i = 0; i < HEARD_SHARING_N_TEXTS; i++)
    heard_sharing_entry_set_text (copy, i, self->texts[i]);
  copy->export_audit_id = self->export_audit_id;
  g_array_append_vals (copy->links, self->links->data, self->links->len);
  heard_sharing_entry_set_saved (copy, self->saved_by, self->saved_at);
  return copy;
}

gint64
heard_sharing_entry_get_id (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), 0);

  return self->id;
}

void
heard_sharing_entry_set_id (HeardSharingEntry *self,
                            gint64             id)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  self->id = id;
}

gint64
heard_sharing_entry_get_person_id (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), 0);

  return self->person_id;
}

guint
heard_sharing_entry_get_version (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), 0);

  return self->version;
}

void
heard_sharing_entry_set_version (HeardSharingEntry *self,
                                 guint              version)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  self->version = version;
}

HeardSharingDecision
heard_sharing_entry_get_decision (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), HEARD_SHARING_SHARED);

  return self->decision;
}

void
heard_sharing_entry_set_decision (HeardSharingEntry    *self,
                                  HeardSharingDecision  decision)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));
  g_return_if_fail (decision < HEARD_SHARING_N_DECISIONS);

  self->decision = decision;
}

gint64
heard_sharing_entry_get_agency_id (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), 0);

  return self->agency_id;
}

void
heard_sharing_entry_set_agency_id (HeardSharingEntry *self,
                                   gint64             agency_id)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  self->agency_id = agency_id;
}

const char *
heard_sharing_entry_get_shared_on (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  return self->shared_on;
}

void
heard_sharing_entry_set_shared_on (HeardSharingEntry *self,
                                   const char        *day)
{
  GDate parsed;

  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  g_free (self->shared_on);
  self->shared_on = day != NULL && heard_date_parse (day, &parsed, NULL)
                    ? heard_date_to_iso (&parsed) : g_strdup ("");
}

HeardSharingMethod
heard_sharing_entry_get_method (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), HEARD_SHARING_METHOD_OTHER);

  return self->method;
}

void
heard_sharing_entry_set_method (HeardSharingEntry  *self,
                                HeardSharingMethod  method)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));
  g_return_if_fail (method < HEARD_SHARING_N_METHODS);

  self->method = method;
}

const char *
heard_sharing_entry_get_lawful_basis (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  return self->lawful_basis;
}

void
heard_sharing_entry_set_lawful_basis (HeardSharingEntry *self,
                                      const char        *code)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  g_free (self->lawful_basis);
  self->lawful_basis = g_strdup (code != NULL ? code : "");
}

gboolean
heard_sharing_entry_is_answered (HeardSharingEntry *self,
                                 HeardSharingField  field)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), FALSE);
  g_return_val_if_fail (field == HEARD_SHARING_AGREED || field == HEARD_SHARING_TOLD, FALSE);

  return field == HEARD_SHARING_AGREED ? self->agreed_answered : self->told_answered;
}

HeardSharingAgreed
heard_sharing_entry_get_agreed (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), HEARD_SHARING_AGREED_NOT_ASKED);

  return self->agreed;
}

void
heard_sharing_entry_set_agreed (HeardSharingEntry  *self,
                                HeardSharingAgreed  agreed)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));
  g_return_if_fail (agreed < HEARD_SHARING_N_AGREED);

  self->agreed = agreed;
  self->agreed_answered = TRUE;
}

gboolean
heard_sharing_entry_get_told (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), FALSE);

  return self->told;
}

void
heard_sharing_entry_set_told (HeardSharingEntry *self,
                              gboolean           told)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  self->told = told != FALSE;
  self->told_answered = TRUE;
}

const char *
heard_sharing_entry_get_text (HeardSharingEntry *self,
                              HeardSharingField  field)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);
  g_return_val_if_fail (field < HEARD_SHARING_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_sharing_entry_set_text (HeardSharingEntry *self,
                              HeardSharingField  field,
                              const char        *text)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));
  g_return_if_fail (field < HEARD_SHARING_N_TEXTS);

  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text != NULL ? text : "");
}

gint64
heard_sharing_entry_get_export_audit_id (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), 0);

  return self->export_audit_id;
}

void
heard_sharing_entry_set_export_audit_id (HeardSharingEntry *self,
                                         gint64             audit_id)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  self->export_audit_id = audit_id;
}

const HeardSharingLink *
heard_sharing_entry_get_links (HeardSharingEntry *self,
                               guint             *n_links)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);
  g_return_val_if_fail (n_links != NULL, NULL);

  *n_links = self->links->len;
  return (const HeardSharingLink *) self->links->data;
}

void
heard_sharing_entry_add_link (HeardSharingEntry    *self,
                              HeardSharingLinkKind  kind,
                              gint64                id)
{
  HeardSharingLink link = { kind, id };

  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));
  g_return_if_fail (kind < HEARD_SHARING_N_LINK_KINDS && id > 0);

  for (guint i = 0; i < self->links->len; i++)
    {
      const HeardSharingLink *added = &g_array_index (self->links, HeardSharingLink, i);

      if (added->kind == kind && added->id == id)
        return;
    }
  g_array_append_val (self->links, link);
}

void
heard_sharing_entry_clear_links (HeardSharingEntry *self)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  g_array_set_size (self->links, 0);
}

const char *
heard_sharing_entry_get_saved_by (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  return self->saved_by;
}

const char *
heard_sharing_entry_get_saved_at (HeardSharingEntry *self)
{
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  return self->saved_at;
}

void
heard_sharing_entry_set_saved (HeardSharingEntry *self,
                               const char        *saved_by,
                               const char        *saved_at)
{
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (self));

  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

static void
add_problem (GPtrArray         *problems,
             HeardSharingField  field,
             const char        *message)
{
  g_ptr_array_add (problems, g_error_new_literal (HEARD_SHARING_ERROR, (int) field, message));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const GError *first = *(const GError *const *) a;
  const GError *second = *(const GError *const *) b;

  return first->code - second->code;
}

GPtrArray *
heard_sharing_entry_check (HeardSharingEntry *self)
{
  const char *names[HEARD_SHARING_N_TEXTS] = {
    [HEARD_SHARING_WHAT] = _("What was shared"),
    [HEARD_SHARING_CONTACT] = _("Who at the agency"),
    [HEARD_SHARING_PURPOSE] = _("Why it was shared"),
    [HEARD_SHARING_AGREEMENT_REASON] = _("Why they were not asked or did not agree"),
    [HEARD_SHARING_DECIDED_BY] = _("Who decided"),
    [HEARD_SHARING_NOT_TOLD_REASON] = _("Why they were not told"),
    [HEARD_SHARING_NECESSARY] = _("Why it was necessary and proportionate"),
    [HEARD_SHARING_NOT_SHARED_REASON] = _("Why it was not shared"),
    [HEARD_SHARING_REASON] = _("Reason for the change"),
  };
  gboolean shared = self->decision == HEARD_SHARING_SHARED;
  gboolean agreed = self->agreed == HEARD_SHARING_AGREED_YES;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  gboolean wrote_text[HEARD_SHARING_N_TEXTS] = { FALSE, };
  GDate day, today;

  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  for (guint i = 0; i < HEARD_SHARING_N_TEXTS; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!heard_text_fields_check_one (self->texts, text_fields, HEARD_SHARING_N_TEXTS,
                                        text_fields[i].property, names[i], &error))
        {
          add_problem (problems, i, error->message);
          wrote_text[i] = TRUE;
        }
    }

  /* One problem a field: a text already refused says nothing more. */
#define BLANK(field) (!wrote_text[field] && heard_text_is_blank (self->texts[field]))
  if (BLANK (HEARD_SHARING_WHAT))
    add_problem (problems, HEARD_SHARING_WHAT,
                 shared ? _("Say what was shared") : _("Say what was not shared"));
  if (shared && BLANK (HEARD_SHARING_PURPOSE))
    add_problem (problems, HEARD_SHARING_PURPOSE, _("Say what it was shared for"));
  if (!agreed && BLANK (HEARD_SHARING_AGREEMENT_REASON))
    add_problem (problems, HEARD_SHARING_AGREEMENT_REASON,
                 _("Say why they were not asked or did not agree"));
  if (!agreed && BLANK (HEARD_SHARING_DECIDED_BY))
    add_problem (problems, HEARD_SHARING_DECIDED_BY,
                 _("Say who decided without their agreement"));
  if (!self->told && BLANK (HEARD_SHARING_NOT_TOLD_REASON))
    add_problem (problems, HEARD_SHARING_NOT_TOLD_REASON, _("Say why they were not told"));
  if (shared && BLANK (HEARD_SHARING_NECESSARY))
    add_problem (problems, HEARD_SHARING_NECESSARY,
                 _("Say why sharing was necessary and proportionate"));
  if (!shared && BLANK (HEARD_SHARING_NOT_SHARED_REASON))
    add_problem (problems, HEARD_SHARING_NOT_SHARED_REASON, _("Say why it was not shared"));
  if (self->version > 1 && BLANK (HEARD_SHARING_REASON))
    add_problem (problems, HEARD_SHARING_REASON,
                 _("A correction needs a reason, so that the original and the change can both "
                   "be understood"));
#undef BLANK

  if (self->agency_id <= 0)
    add_problem (problems, HEARD_SHARING_AGENCY,
                 shared ? _("Choose the agency it was shared with")
                        : _("Choose the agency it was not shared with"));
  heard_date_today (&today);
  if (!heard_date_parse (self->shared_on, &day, NULL))
    add_problem (problems, HEARD_SHARING_SHARED_ON, _("Give the day it was decided"));
  else if (g_date_compare (&day, &today) > 0)
    add_problem (problems, HEARD_SHARING_SHARED_ON,
                 _("This day is in the future. Please check the date"));
  if (shared && heard_text_is_blank (self->lawful_basis))
    add_problem (problems, HEARD_SHARING_LAWFUL_BASIS, _("Choose the lawful basis for sharing"));
  if (shared && !self->agreed_answered)
    add_problem (problems, HEARD_SHARING_AGREED, _("Say whether they agreed"));
  if (shared && !self->told_answered)
    add_problem (problems, HEARD_SHARING_TOLD, _("Say whether they were told"));
  if (self->decision >= HEARD_SHARING_N_DECISIONS || self->method >= HEARD_SHARING_N_METHODS ||
      self->agreed >= HEARD_SHARING_N_AGREED)
    add_problem (problems, HEARD_SHARING_CODES,
                 _("This entry is not one Heard knows how to keep"));

  if (problems->len == 0)
    return NULL;
  g_ptr_array_sort (problems, compare_problems);
  return g_steal_pointer (&problems);
}

gboolean
heard_sharing_entry_validate (HeardSharingEntry  *self,
                              GError            **error)
{
  g_autoptr(GPtrArray) problems = heard_sharing_entry_check (self);
  const GError *first;

  if (problems == NULL)
    return TRUE;

  /* The words of a text refused already say that nothing was saved. */
  first = g_ptr_array_index (problems, 0);
  if (g_str_has_suffix (first->message, "."))
    g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, first->message);
  else
    g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                 /* TRANSLATORS: %s is what to do, e.g. "Choose the lawful basis for sharing" */
                 _("%s. Nothing was saved."), first->message);
  return FALSE;
}

char *
heard_sharing_entry_describe (HeardSharingEntry *self,
                              const char        *agency_name)
{
  const char *agency;

  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (self), NULL);

  agency = agency_name != NULL && *agency_name != '\0' ? agency_name : _("an agency");
  if (self->decision == HEARD_SHARING_NOT_SHARED)
    /* TRANSLATORS: %s is an agency, e.g. "Northgate Academy" */
    return g_strdup_printf (_("Decided not to share with %s"), agency);

  /* TRANSLATORS: the first %s is an agency, the second what was shared, in
   * the worker's words */
  return g_strdup_printf (_("Shared with %s: %s"), agency, self->texts[HEARD_SHARING_WHAT]);
}

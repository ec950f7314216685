/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date-row.h"
#include "heard-field-error.h"

/*
 * Every date field in Heard is one of these: a date of birth, the day a
 * statement was given, the day they were told, a review date, a due date.
 * A calendar beside the field picks a day, written into the field in the
 * locale's numbers with the year in full; typing stays possible and is
 * read by the one strict date parser. What is wrong with the date,
 * including a day in the future where its kind cannot be, is said beside
 * the field by heard_date_row_check(), through the date module's rule.
 * A day given to the row (stored as 2025-03-14, or today's) is shown the
 * same way as a chosen one; what is typed is stored in the stored form by
 * the record, whatever its order.
 */

struct _HeardDateRow
{
  AdwEntryRow    parent_instance;

  HeardDateKind  kind;
  GtkCalendar   *calendar;
  GtkPopover    *popover;
};

G_DEFINE_FINAL_TYPE (HeardDateRow, heard_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
day_selected_cb (HeardDateRow *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (chosen),
                  (GDateMonth) g_date_time_get_month (chosen),
                  (GDateYear) g_date_time_get_year (chosen));
  text = heard_date_format_numeric (&day);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The calendar opens on the day typed, or on today. */
static void
popover_show_cb (HeardDateRow *self)
{
  g_autoptr(GDateTime) shown = NULL;
  GDate day;

  if (heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self)), &day, NULL))
    shown = g_date_time_new_local ((int) g_date_get_year (&day), (int) g_date_get_month (&day),
                                   (int) g_date_get_day (&day), 12, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, shown);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

static void
heard_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeardDateRow *self = HEARD_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_date_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeardDateRow *self = HEARD_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      heard_date_row_set_kind (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_date_row_class_init (HeardDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = heard_date_row_get_property;
  object_class->set_property = heard_date_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HEARD_TYPE_DATE_KIND, HEARD_DATE_KIND_BIRTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_date_row_init (HeardDateRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *hint = heard_date_dup_hint ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (self->popover));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a day from a calendar"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
  /* How to type a day instead, in this locale's order. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), hint);
}

HeardDateKind
heard_date_row_get_kind (HeardDateRow *self)
{
  g_return_val_if_fail (HEARD_IS_DATE_ROW (self), HEARD_DATE_KIND_BIRTH);

  return self->kind;
}

/* What the date is of, which says whether it may lie in the future. */
void
heard_date_row_set_kind (HeardDateRow  *self,
                         HeardDateKind  kind)
{
  g_return_if_fail (HEARD_IS_DATE_ROW (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Checks the date typed by the rule for its kind, and says beside the
 * field what is wrong, if anything. An empty field passes here: whether
 * it may be empty is the record's to say. */
gboolean
heard_date_row_check (HeardDateRow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  GDate day;

  g_return_val_if_fail (HEARD_IS_DATE_ROW (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  if (*text == '\0' ||
      heard_date_check (text, self->kind, NULL, HEARD_DATE_ERROR, 0, &day, &error))
    {
      heard_field_error_clear (GTK_WIDGET (self));
      return TRUE;
    }

  heard_field_error_show (GTK_WIDGET (self), error->message);
  return FALSE;
}

/* @text as the field shows it: a day in the locale's numbers with the
 * year in full, or @text itself when it is not a day (nothing, or what
 * someone typed that cannot be read). */
static char *
dup_shown (const char *text)
{
  GDate day;

  if (text == NULL || !heard_date_parse (text, &day, NULL))
    return g_strdup (text != NULL ? text : "");

  return heard_date_format_numeric (&day);
}

/* Shows the day @stored (as it is kept, e.g. 2025-03-14) in the field. */
void
heard_date_row_set_stored (HeardDateRow *self,
                           const char   *stored)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (HEARD_IS_DATE_ROW (self));

  shown = dup_shown (stored);
  gtk_editable_set_text (GTK_EDITABLE (self), shown);
}

static gboolean
stored_to_shown (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_take_string (to, dup_shown (g_value_get_string (from)));
  return TRUE;
}

/* Binds the field both ways to the date @property of @source, showing
 * the day it holds in the locale's numbers. The record is not written to
 * by that: it keeps what it holds until someone types or picks a day. */
void
heard_date_row_bind (HeardDateRow *self,
                     gpointer      source,
                     const char   *property)
{
  g_return_if_fail (HEARD_IS_DATE_ROW (self));
  g_return_if_fail (G_IS_OBJECT (source));

  g_object_bind_property_full (source, property, self, "text",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               stored_to_shown, NULL, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-start-choices"

#include "config.h"

#include "heard-accessibility.h"
#include "heard-start-choices.h"

/*
 * What else someone can do before their records are open, offered the
 * same way on the unlock page and on the first run's recovery code page:
 * bring records back from a backup (win.restore-backup), or try Heard on
 * made-up records (app.practice). Either may be left out where it makes
 * no sense, say restoring into practice records.
 */

struct _HeardStartChoices
{
  AdwBin     parent_instance;

  GtkWidget *restore_button;
  GtkWidget *practice_button;
};

G_DEFINE_FINAL_TYPE (HeardStartChoices, heard_start_choices, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OFFER_RESTORE,
  PROP_OFFER_PRACTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_start_choices_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_START_CHOICES);

  G_OBJECT_CLASS (heard_start_choices_parent_class)->dispose (object);
}

static void
heard_start_choices_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeardStartChoices *self = HEARD_START_CHOICES (object);

  switch (prop_id)
    {
    case PROP_OFFER_RESTORE:
      g_value_set_boolean (value, heard_start_choices_get_offer_restore (self));
      break;

    case PROP_OFFER_PRACTICE:
      g_value_set_boolean (value, heard_start_choices_get_offer_practice (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_start_choices_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeardStartChoices *self = HEARD_START_CHOICES (object);

  switch (prop_id)
    {
    case PROP_OFFER_RESTORE:
      heard_start_choices_set_offer_restore (self, g_value_get_boolean (value));
      break;

    case PROP_OFFER_PRACTICE:
      heard_start_choices_set_offer_practice (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_start_choices_class_init (HeardStartChoicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_start_choices_dispose;
  object_class->get_property = heard_start_choices_get_property;
  object_class->set_property = heard_start_choices_set_property;

  /* Whether "Restore From a Backup…" is offered. */
  properties[PROP_OFFER_RESTORE] =
    g_param_spec_boolean ("offer-restore", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether "Practice Records" is offered. */
  properties[PROP_OFFER_PRACTICE] =
    g_param_spec_boolean ("offer-practice", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-start-choices.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStartChoices, restore_button);
  gtk_widget_class_bind_template_child (widget_class, HeardStartChoices, practice_button);
}

static void
heard_start_choices_init (HeardStartChoices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

gboolean
heard_start_choices_get_offer_restore (HeardStartChoices *self)
{
  g_return_val_if_fail (HEARD_IS_START_CHOICES (self), FALSE);

  return gtk_widget_get_visible (self->restore_button);
}

void
heard_start_choices_set_offer_restore (HeardStartChoices *self,
                                       gboolean           offer_restore)
{
  g_return_if_fail (HEARD_IS_START_CHOICES (self));

  offer_restore = !!offer_restore;
  if (offer_restore == gtk_widget_get_visible (self->restore_button))
    return;

  gtk_widget_set_visible (self->restore_button, offer_restore);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER_RESTORE]);
}

gboolean
heard_start_choices_get_offer_practice (HeardStartChoices *self)
{
  g_return_val_if_fail (HEARD_IS_START_CHOICES (self), FALSE);

  return gtk_widget_get_visible (self->practice_button);
}

void
heard_start_choices_set_offer_practice (HeardStartChoices *self,
                                        gboolean           offer_practice)
{
  g_return_if_fail (HEARD_IS_START_CHOICES (self));

  offer_practice = !!offer_practice;
  if (offer_practice == gtk_widget_get_visible (self->practice_button))
    return;

  gtk_widget_set_visible (self->practice_button, offer_practice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER_PRACTICE]);
}

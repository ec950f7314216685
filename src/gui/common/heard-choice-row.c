/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-choice-row"

#include "config.h"

#include <string.h>

#include "heard-choice-row.h"

/*
 * Every list of choices in Heard is one of these, so that every option can
 * be read in full: libadwaita 1.2's combo row cuts long options short
 * ("Read back, and they a…"), and a caseworker could record the wrong
 * agreement or the wrong ethnicity. The chosen option is shown in full
 * under the row's title, wrapping as it needs; in the list, options wrap
 * too, and an option written "Group: answer" shows the answer first with
 * its group beneath, so five options that start "Asian or Asian British:"
 * read as five different answers.
 */

typedef struct
{
  /* What names each option whatever the language, in the model's order:
   * how a draft keeps the choice (see heard_choice_row_set_ids()). */
  GStrv ids;
} HeardChoiceRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HeardChoiceRow, heard_choice_row, ADW_TYPE_COMBO_ROW)

/* Between an option's group and its answer, as in "Asian or Asian British: Indian". */
#define GROUP_SEPARATOR ": "

/* Options wrap at about this many characters, so the list stays narrow. */
#define OPTION_WIDTH_CHARS 36

static GtkWidget *
new_wrapping_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), OPTION_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

/* The option's row: its texts, then a tick when it is the chosen one. */
static void
setup_option_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *answer = new_wrapping_label ();
  GtkWidget *group = new_wrapping_label ();
  GtkWidget *tick = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (group, "caption");
  gtk_widget_add_css_class (group, "dim-label");
  gtk_box_append (GTK_BOX (box), answer);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), tick);
  gtk_list_item_set_child (list_item, row);
}

static void
update_tick_cb (GtkListItem    *list_item,
                GParamSpec     *pspec,
                HeardChoiceRow *self)
{
  GtkWidget *tick = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (tick, gtk_list_item_get_position (list_item) ==
                                adw_combo_row_get_selected (ADW_COMBO_ROW (self)) ? 1 : 0);
}

static void
selected_changed_cb (HeardChoiceRow *self,
                     GParamSpec     *pspec,
                     GtkListItem    *list_item)
{
  update_tick_cb (list_item, NULL, self);
}

static void
unbind_option_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  HeardChoiceRow           *self)
{
  g_signal_handlers_disconnect_by_func (self, selected_changed_cb, list_item);
}

static void
bind_option_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                HeardChoiceRow           *self)
{
  GtkWidget *box = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *answer = gtk_widget_get_first_child (box);
  GtkWidget *group = gtk_widget_get_next_sibling (answer);
  g_autofree char *text = heard_choice_row_dup_item_text (self,
                                                          gtk_list_item_get_item (list_item));
  const char *split = strstr (text, GROUP_SEPARATOR);

  if (split != NULL)
    {
      g_autofree char *group_text = g_strndup (text, (gsize) (split - text));

      gtk_label_set_text (GTK_LABEL (answer), split + strlen (GROUP_SEPARATOR));
      gtk_label_set_text (GTK_LABEL (group), group_text);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (answer), text);
      gtk_label_set_text (GTK_LABEL (group), "");
    }
  gtk_widget_set_visible (group, split != NULL);
  /* Read out whole, as it is written in the record. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  update_tick_cb (list_item, NULL, self);
  g_signal_connect_object (self, "notify::selected", G_CALLBACK (selected_changed_cb),
                           list_item, 0);
}

static void
setup_chosen_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, new_wrapping_label ());
}

static void
bind_chosen_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                HeardChoiceRow           *self)
{
  g_autofree char *text = heard_choice_row_dup_item_text (self,
                                                          gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static GtkListItemFactory *
new_factory (HeardChoiceRow *self,
             GCallback       setup,
             GCallback       bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect_object (factory, "bind", bind, self, 0);

  return factory;
}

static void
heard_choice_row_finalize (GObject *object)
{
  HeardChoiceRowPrivate *priv = heard_choice_row_get_instance_private (HEARD_CHOICE_ROW (object));

  g_clear_pointer (&priv->ids, g_strfreev);

  G_OBJECT_CLASS (heard_choice_row_parent_class)->finalize (object);
}

static void
heard_choice_row_class_init (HeardChoiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_choice_row_finalize;
}

static void
heard_choice_row_init (HeardChoiceRow *self)
{
  g_autoptr(GtkListItemFactory) chosen = new_factory (self, G_CALLBACK (setup_chosen_cb),
                                                      G_CALLBACK (bind_chosen_cb));
  g_autoptr(GtkListItemFactory) options = new_factory (self, G_CALLBACK (setup_option_cb),
                                                       G_CALLBACK (bind_option_cb));

  g_signal_connect_object (options, "unbind", G_CALLBACK (unbind_option_cb), self, 0);

  /* The chosen option in full under the title, where it has the row's width. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self), TRUE);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self), chosen);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self), options);
}

/* The whole text of @item, an item of the row's model: through the row's
 * expression when it has one, or the string of a GtkStringObject. */
char *
heard_choice_row_dup_item_text (HeardChoiceRow *self,
                                gpointer        item)
{
  GtkExpression *expression;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (HEARD_IS_CHOICE_ROW (self), NULL);

  if (item == NULL)
    return g_strdup ("");

  expression = adw_combo_row_get_expression (ADW_COMBO_ROW (self));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));

  return g_strdup ("");
}

/* Names the options, in the model's order, by what stays the same in
 * every language and every version (an enum's nicks, stored codes), so
 * that a draft can keep the choice and choose it again. */
void
heard_choice_row_set_ids (HeardChoiceRow     *self,
                          const char * const *ids)
{
  HeardChoiceRowPrivate *priv;

  g_return_if_fail (HEARD_IS_CHOICE_ROW (self));

  priv = heard_choice_row_get_instance_private (self);
  g_strfreev (priv->ids);
  priv->ids = g_strdupv ((GStrv) ids);
}

/* What names the option chosen (see heard_choice_row_set_ids()); NULL
 * when none is chosen or the options have no ids. */
const char *
heard_choice_row_get_chosen_id (HeardChoiceRow *self)
{
  HeardChoiceRowPrivate *priv;
  guint position;

  g_return_val_if_fail (HEARD_IS_CHOICE_ROW (self), NULL);

  priv = heard_choice_row_get_instance_private (self);
  position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (priv->ids == NULL || position >= g_strv_length (priv->ids))
    return NULL;

  return priv->ids[position];
}

/* Chooses the option @id names, as someone picking it would; FALSE, with
 * the choice left as it was, when no option has that id. */
gboolean
heard_choice_row_choose_id (HeardChoiceRow *self,
                            const char     *id)
{
  HeardChoiceRowPrivate *priv;

  g_return_val_if_fail (HEARD_IS_CHOICE_ROW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  priv = heard_choice_row_get_instance_private (self);
  for (guint i = 0; priv->ids != NULL && priv->ids[i] != NULL; i++)
    if (g_str_equal (priv->ids[i], id))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
        return TRUE;
      }

  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-choice-row.h"
#include "heard-context.h"
#include "heard-directory-agency.h"

G_BEGIN_DECLS

#define HEARD_TYPE_AGENCY_PICKER (heard_agency_picker_get_type ())

G_DECLARE_FINAL_TYPE (HeardAgencyPicker, heard_agency_picker, HEARD, AGENCY_PICKER,
                      HeardChoiceRow)

/* What Heard offers wherever an agency is chosen, from @directory (the
 * context's agencies): every entry not retired, by type, and for a kind
 * with no entry the kind alone (an entry with id 0 and no name, "Police"),
 * so that a plan can still go to an agency not yet in the directory. */
GPtrArray            *heard_agency_choices            (GListModel        *directory)
                                                       G_GNUC_WARN_UNUSED_RESULT;
/* What names a choice for drafts and tests: "police" for a kind alone,
 * "school:12" for an entry. */
char                 *heard_agency_choice_dup_id      (HeardDirectoryAgency *choice)
                                                       G_GNUC_WARN_UNUSED_RESULT;
/* "Northgate Academy", or the kind's name for a kind alone. */
const char           *heard_agency_choice_get_title   (HeardDirectoryAgency *choice);

void                  heard_agency_picker_set_context (HeardAgencyPicker *self,
                                                       HeardContext      *context);
/* The choice made (an entry, or a kind alone), or NULL. */
HeardDirectoryAgency *heard_agency_picker_get_chosen  (HeardAgencyPicker *self);
void                  heard_agency_picker_offer_young_person (HeardAgencyPicker *self);
void                  heard_agency_picker_offer_none  (HeardAgencyPicker *self);
void                  heard_agency_picker_choose      (HeardAgencyPicker *self,
                                                       HeardAgency        kind,
                                                       gint64             agency_id);
HeardAgency           heard_agency_picker_get_chosen_kind (HeardAgencyPicker *self);
gint64                heard_agency_picker_get_chosen_agency_id (HeardAgencyPicker *self);

G_END_DECLS

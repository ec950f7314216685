/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-context.h"
#include "heard-dialog.h"
#include "heard-directory-agency.h"

G_BEGIN_DECLS

#define HEARD_TYPE_AGENCY_EDITOR (heard_agency_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardAgencyEditor, heard_agency_editor, HEARD, AGENCY_EDITOR, HeardDialog)

HeardAgencyEditor *heard_agency_editor_new          (GtkWindow            *parent,
                                                     HeardContext         *context,
                                                     HeardDirectoryAgency *agency);
gint64             heard_agency_editor_get_saved_id (HeardAgencyEditor    *self);

G_END_DECLS

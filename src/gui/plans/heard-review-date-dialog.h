/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-plan.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_REVIEW_DATE_DIALOG (heard_review_date_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardReviewDateDialog, heard_review_date_dialog, HEARD, REVIEW_DATE_DIALOG,
                      HeardDialog)

HeardReviewDateDialog *heard_review_date_dialog_new (GtkWindow  *parent,
                                                     HeardCaseFile *case_file,
                                                     HeardPlan  *plan);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Which kind of record a write to the store changed, as the store's
 * "changed" signal names it. A registered GEnum (heard-store-enums.h), so
 * that the signal can carry it.
 */

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HEARD_RECORD_KIND_PERSON,     /*< nick=person >*/
  HEARD_RECORD_KIND_PLAN,       /*< nick=plan >*/
  HEARD_RECORD_KIND_STATEMENT,  /*< nick=statement >*/
  HEARD_RECORD_KIND_STAFF,      /*< nick=staff >*/
  HEARD_RECORD_KIND_CHECK_IN,   /*< nick=check-in >*/
  HEARD_RECORD_KIND_AGENCY,     /*< nick=agency >*/
  HEARD_RECORD_KIND_CHRONOLOGY, /*< nick=chronology >*/
  HEARD_RECORD_KIND_CLUSTER_DECISION, /*< nick=cluster-decision >*/
  HEARD_RECORD_KIND_CLUSTER_NUMBERS,  /*< nick=cluster-numbers >*/
  HEARD_RECORD_KIND_SHARING,    /*< nick=sharing >*/
  HEARD_RECORD_KIND_CODESIGN,   /*< nick=codesign >*/
} HeardRecordKind;

G_END_DECLS

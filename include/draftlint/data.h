/*
 * data.h: where the data files a rule loads live (the TBM catalog, the
 * sentence model): rules/data in a build tree, share/draftlint once
 * installed, or $DRAFTLINT_DATA_DIR.
 */
#ifndef DRAFTLINT_DATA_H
#define DRAFTLINT_DATA_H

/* Returns a malloc'd path to an existing data file `name`, or NULL when
 * none of the places has it. */
char *dl_data_path(const char *name);

#endif

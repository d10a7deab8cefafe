/*
 * print_config.h: --print-config PATH.
 */
#ifndef DRAFTLINT_PRINT_CONFIG_H
#define DRAFTLINT_PRINT_CONFIG_H

#include <stdio.h>

#include "config/profile.h"

/* Writes the settings in force for `path` and where each came from (the
 * --print-config action). */
void dl_profile_print(const dl_profile *p, const char *path, FILE *out);

#endif

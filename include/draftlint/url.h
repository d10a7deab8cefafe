/*
 * url.h: where a bare URL in prose ends (src/doc/url.c).
 *
 * A bare URL starts with "http://", "https://" or "www." and ends where URL
 * syntax ends: at a space, '<', '>', a straight or curly quote; then, as in
 * GitHub's autolinks, trailing punctuation that ends a clause (. , : ; ! ?
 * and ' * _ ~) belongs to the prose, and so does a ')' or ']' that nothing
 * in the URL opened ("(see https://a.b/x)" ends at 'x', while
 * "https://en.wikipedia.org/wiki/Foo_(bar)" keeps its ')').
 *
 * Ownership: pure functions over the caller's bytes.
 */
#ifndef DRAFTLINT_URL_H
#define DRAFTLINT_URL_H

#include <stddef.h>

/* Length of the bare URL that starts at s[0] (n bytes to read), or 0 when
 * none starts there. */
size_t dl_url_len(const char *s, size_t n);

#endif

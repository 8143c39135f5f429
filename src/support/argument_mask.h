/*
 * argument_mask: sets of argument positions as bits of a uint32_t (bit i:
 * the 0-based argument i), as packs, attributes, calls and summaries keep
 * them. Arguments from position ARGUMENT_MASK_BITS on have no bit: nothing
 * is said of them.
 */
#ifndef NULLPROOF_ARGUMENT_MASK_H
#define NULLPROOF_ARGUMENT_MASK_H

#include <stdbool.h>
#include <stdint.h>

enum { ARGUMENT_MASK_BITS = 32 };

/* Whether argument `index` (0-based) is in `mask`; false past the last bit. */
static inline bool argument_in_mask(uint32_t mask, int index)
{
    return index >= 0 && index < ARGUMENT_MASK_BITS && (mask & (UINT32_C(1) << index));
}

#endif

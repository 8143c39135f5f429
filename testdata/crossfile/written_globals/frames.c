/* State of a frame optimiser kept in globals, and helpers that name which
 * of them they write: a caller in another file forgets only those. */
int frame_index;
int colour_count;

static void clamp_colours(int n)
{
    colour_count = n > 256 ? 256 : n;
}

void count_colours(int n)
{
    clamp_colours(n);
}

void next_frame(void)
{
    frame_index++;
}

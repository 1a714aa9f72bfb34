#ifndef VERNETZT_VIPS_CALLS_H
#define VERNETZT_VIPS_CALLS_H
/* libvips' operations take their options as variadic arguments, which Swift cannot pass:
   these wrappers give each use vernetzt makes a fixed signature. */
#include <stddef.h>

typedef struct _VipsImage VipsImage;

/* Once per process, before any other call: loads and starts libvips with its operation cache off (every
   build reads each picture once) and one thread per operation (vernetzt runs pictures in
   parallel itself). Returns 0 on success. */
int vernetzt_vips_start(void);

/* Width and height of an encoded picture, from its header (nothing decoded). 0 on success. */
int vernetzt_vips_size(const void *bytes, size_t length, int *width, int *height);

/* The picture turned upright by its EXIF orientation, in sRGB, at most `width` pixels wide,
   never enlarged. 0 on success; the caller unrefs `out`. */
int vernetzt_vips_fit(const void *bytes, size_t length, int width, VipsImage **out);

/* Encodes without any metadata (EXIF with GPS, XMP, IPTC, ICC comments). 0 on success; the
   caller frees `buffer` with g_free. */
int vernetzt_vips_webp(VipsImage *image, int quality, void **buffer, size_t *length);
int vernetzt_vips_jpeg(VipsImage *image, int quality, void **buffer, size_t *length);
int vernetzt_vips_png(VipsImage *image, void **buffer, size_t *length);

int vernetzt_vips_width(VipsImage *image);
int vernetzt_vips_height(VipsImage *image);
void vernetzt_vips_release(VipsImage *image);
void vernetzt_vips_free(void *buffer);

/* The last error on this thread's calls and clears it; the caller frees it with g_free. */
char *vernetzt_vips_error(void);
#endif

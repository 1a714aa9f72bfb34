#ifndef VERNETZT_VIPS_CALLS_H
#define VERNETZT_VIPS_CALLS_H
/* libvips' operations take their options as variadic arguments, which Swift cannot pass:
   these wrappers give each use vernetzt makes a fixed signature. */
#include <stddef.h>

typedef struct _VipsImage VipsImage;

/* Once per process, before any other call: loads and starts libvips with its operation cache off (every
   build reads each picture once), one thread per operation (vernetzt runs pictures in
   parallel itself), and every loader blocked but those of the formats vernetzt takes (JPEG,
   PNG, WebP, GIF, TIFF, HEIF, SVG): a file named .jpg is never opened by another library.
   Returns 0 on success. */
int vernetzt_vips_start(void);

/* "8.14.1": part of the picture cache's key. */
const char *vernetzt_vips_version(void);

/* Width and height of an encoded picture, from its header (nothing decoded). 0 on success. */
int vernetzt_vips_size(const void *bytes, size_t length, int *width, int *height);

/* Decodes the picture, turns it upright by its EXIF orientation, converts it to sRGB and
   scales it down (never up) to fit `width` × `height`; with `crop`, cuts it to exactly that
   shape around what draws the eye (libvips' attention strategy). The result is held in
   memory, to make smaller sizes from. With `enlarge`, a smaller picture is scaled up to the
   box (an icon drawn from a small SVG). 0 on success; the caller releases `out`. */
int vernetzt_vips_load(const void *bytes, size_t length, int width, int height, int crop, int enlarge, VipsImage **out);

/* A smaller size of an image `vernetzt_vips_load` made, by the same rules. */
int vernetzt_vips_resize(VipsImage *in, int width, int height, int crop, VipsImage **out);

/* Encodes without any metadata (EXIF with GPS, XMP, IPTC, comments). 0 on success; the
   caller frees `buffer` with vernetzt_vips_free. */
int vernetzt_vips_webp(VipsImage *image, int quality, void **buffer, size_t *length);
int vernetzt_vips_jpeg(VipsImage *image, int quality, void **buffer, size_t *length);
int vernetzt_vips_png(VipsImage *image, void **buffer, size_t *length);

/* A 1200×630 social card drawn without a browser: on `background`, the site's name (small,
   `accent`), the page's title (large, `text`, sized to fit its box) and the kind of page
   (`accent`), set with Pango in DejaVu Sans; encoded as JPEG. The three texts are Pango markup
   (the caller escapes them). Colours are sRGB triples. 0 on success; free `buffer` with
   vernetzt_vips_free. */
int vernetzt_vips_card(const char *site, const char *title, const char *kind, const double background[3],
                       const double text[3], const double accent[3], void **buffer, size_t *length);

int vernetzt_vips_width(VipsImage *image);
int vernetzt_vips_height(VipsImage *image);
int vernetzt_vips_has_alpha(VipsImage *image);
void vernetzt_vips_release(VipsImage *image);
void vernetzt_vips_free(void *buffer);

/* The error text libvips has gathered, and clears it; the caller frees it with
   vernetzt_vips_free. libvips keeps one error buffer for the process: callers hold a lock
   around a call and the reading of its error. */
char *vernetzt_vips_error(void);
#endif

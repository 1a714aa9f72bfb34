#include "vips_calls.h"
#include <dlfcn.h>
#include <string.h>

/* libvips is loaded when the first picture is processed, not linked: linked, it brought about
   90 shared libraries (glib, pango, poppler, …) into every run, and a site without pictures
   paid for them in start-up time and memory. Only the calls vernetzt makes are looked up. */

enum { SIZE_BOTH = 0, SIZE_DOWN = 2, ACCESS_SEQUENTIAL = 1, INTERESTING_NONE = 0, INTERESTING_ATTENTION = 3 };

static int (*p_init)(const char *);
static void (*p_cache_set_max)(int);
static void (*p_concurrency_set)(int);
static int (*p_block_set)(const char *, int);
static const char *(*p_version_string)(void);
static VipsImage *(*p_new_from_buffer)(const void *, size_t, const char *, ...);
static int (*p_thumbnail_buffer)(void *, size_t, VipsImage **, int, ...);
static int (*p_thumbnail_image)(VipsImage *, VipsImage **, int, ...);
static VipsImage *(*p_copy_memory)(VipsImage *);
static int (*p_copy)(VipsImage *, VipsImage **, ...);
static int (*p_flatten)(VipsImage *, VipsImage **, ...);
static void *(*p_array_double_new)(const double *, int);
static void (*p_area_unref)(void *);
static int (*p_webpsave_buffer)(VipsImage *, void **, size_t *, ...);
static int (*p_jpegsave_buffer)(VipsImage *, void **, size_t *, ...);
static int (*p_pngsave_buffer)(VipsImage *, void **, size_t *, ...);
static int (*p_black)(VipsImage **, int, int, ...);
static int (*p_linear)(VipsImage *, VipsImage **, const double *, const double *, int, ...);
static int (*p_cast)(VipsImage *, VipsImage **, int, ...);
static int (*p_text)(VipsImage **, const char *, ...);
static int (*p_embed)(VipsImage *, VipsImage **, int, int, int, int, ...);
static int (*p_ifthenelse)(VipsImage *, VipsImage *, VipsImage *, VipsImage **, ...);
static char **(*p_get_fields)(VipsImage *);
static int (*p_remove)(VipsImage *, const char *);
static int (*p_width)(const VipsImage *);
static int (*p_height)(const VipsImage *);
static int (*p_hasalpha)(VipsImage *);
static char *(*p_error_buffer_copy)(void);
static void (*p_object_unref)(void *);
static void (*p_free)(void *);
static void (*p_strfreev)(char **);

#define FIND(pointer, name) if (!(*(void **)&pointer = dlsym(library, name))) return -1

int vernetzt_vips_start(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) return -1;
    FIND(p_init, "vips_init");
    FIND(p_cache_set_max, "vips_cache_set_max");
    FIND(p_concurrency_set, "vips_concurrency_set");
    FIND(p_block_set, "vips_operation_block_set");
    FIND(p_version_string, "vips_version_string");
    FIND(p_new_from_buffer, "vips_image_new_from_buffer");
    FIND(p_thumbnail_buffer, "vips_thumbnail_buffer");
    FIND(p_thumbnail_image, "vips_thumbnail_image");
    FIND(p_copy_memory, "vips_image_copy_memory");
    FIND(p_copy, "vips_copy");
    FIND(p_flatten, "vips_flatten");
    FIND(p_array_double_new, "vips_array_double_new");
    FIND(p_area_unref, "vips_area_unref");
    FIND(p_webpsave_buffer, "vips_webpsave_buffer");
    FIND(p_jpegsave_buffer, "vips_jpegsave_buffer");
    FIND(p_pngsave_buffer, "vips_pngsave_buffer");
    FIND(p_black, "vips_black");
    FIND(p_linear, "vips_linear");
    FIND(p_cast, "vips_cast");
    FIND(p_text, "vips_text");
    FIND(p_embed, "vips_embed");
    FIND(p_ifthenelse, "vips_ifthenelse");
    FIND(p_get_fields, "vips_image_get_fields");
    FIND(p_remove, "vips_image_remove");
    FIND(p_width, "vips_image_get_width");
    FIND(p_height, "vips_image_get_height");
    FIND(p_hasalpha, "vips_image_hasalpha");
    FIND(p_error_buffer_copy, "vips_error_buffer_copy");
    FIND(p_object_unref, "g_object_unref");
    FIND(p_free, "g_free");
    FIND(p_strfreev, "g_strfreev");
    if (p_init("vernetzt")) return -1;
    p_cache_set_max(0);
    p_concurrency_set(1);
    /* Blocking is by class and inherited: block every loader, then open the buffer loaders of
       the formats the site may use. */
    p_block_set("VipsForeignLoad", 1);
    const char *allowed[] = {"VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadWebpBuffer",
                             "VipsForeignLoadNsgifBuffer", "VipsForeignLoadTiffBuffer", "VipsForeignLoadHeifBuffer",
                             "VipsForeignLoadSvgBuffer", NULL};
    for (int i = 0; allowed[i]; i++) p_block_set(allowed[i], 0);
    return 0;
}

const char *vernetzt_vips_version(void) { return p_version_string ? p_version_string() : ""; }

int vernetzt_vips_size(const void *bytes, size_t length, int *width, int *height) {
    VipsImage *image = p_new_from_buffer(bytes, length, "", "access", ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    *width = p_width(image);
    *height = p_height(image);
    p_object_unref(image);
    return 0;
}

/* Pipelines run when their pixels are asked for: copied to memory, the decoded picture is
   worked out once however many sizes are made of it. */
static int into_memory(int status, VipsImage *pipeline, VipsImage **out) {
    if (status) return status;
    *out = p_copy_memory(pipeline);
    p_object_unref(pipeline);
    return *out ? 0 : -1;
}

int vernetzt_vips_load(const void *bytes, size_t length, int width, int height, int crop, int enlarge, VipsImage **out) {
    VipsImage *pipeline = NULL;
    int status = p_thumbnail_buffer((void *)bytes, length, &pipeline, width, "height", height, "size", enlarge ? SIZE_BOTH : SIZE_DOWN,
                                    "crop", crop ? INTERESTING_ATTENTION : INTERESTING_NONE, "export_profile", "srgb", NULL);
    return into_memory(status, pipeline, out);
}

int vernetzt_vips_resize(VipsImage *in, int width, int height, int crop, VipsImage **out) {
    VipsImage *pipeline = NULL;
    int status = p_thumbnail_image(in, &pipeline, width, "height", height, "size", SIZE_DOWN,
                                   "crop", crop ? INTERESTING_ATTENTION : INTERESTING_NONE, NULL);
    return into_memory(status, pipeline, out);
}

static int has_prefix(const char *name, const char *prefix) { return strncmp(name, prefix, strlen(prefix)) == 0; }

/* A copy of `in` without metadata: the savers' `strip` option alone is not enough (libvips
   8.14's WebP saver writes an EXIF block anyway; see WebPChunks). */
static VipsImage *bare_copy(VipsImage *in) {
    VipsImage *copy;
    if (p_copy(in, &copy, NULL)) return NULL;
    char **fields = p_get_fields(copy);
    for (int i = 0; fields[i]; i++) {
        const char *name = fields[i];
        if (has_prefix(name, "exif-") || has_prefix(name, "xmp-") || has_prefix(name, "iptc-") ||
            has_prefix(name, "ipct-") || has_prefix(name, "icc-") || has_prefix(name, "png-comment") ||
            has_prefix(name, "gif-comment") || has_prefix(name, "heif-") || strcmp(name, "orientation") == 0) {
            p_remove(copy, name);
        }
    }
    p_strfreev(fields);
    return copy;
}

int vernetzt_vips_webp(VipsImage *image, int quality, void **buffer, size_t *length) {
    VipsImage *bare = bare_copy(image);
    if (!bare) return -1;
    int status = p_webpsave_buffer(bare, buffer, length, "Q", quality, "strip", 1, "effort", 4, NULL);
    p_object_unref(bare);
    return status;
}

int vernetzt_vips_jpeg(VipsImage *image, int quality, void **buffer, size_t *length) {
    VipsImage *bare = bare_copy(image);
    if (!bare) return -1;
    /* JPEG has no transparency: a picture with it is laid on white. */
    VipsImage *flat = bare;
    if (p_hasalpha(bare)) {
        double white[3] = {255, 255, 255};
        void *background = p_array_double_new(white, 3);
        int flattened = p_flatten(bare, &flat, "background", background, NULL);
        p_area_unref(background);
        p_object_unref(bare);
        if (flattened) return -1;
    }
    int status = p_jpegsave_buffer(flat, buffer, length, "Q", quality, "strip", 1, "optimize_coding", 1,
                                   "interlace", 1, NULL);
    p_object_unref(flat);
    return status;
}

int vernetzt_vips_png(VipsImage *image, void **buffer, size_t *length) {
    VipsImage *bare = bare_copy(image);
    if (!bare) return -1;
    int status = p_pngsave_buffer(bare, buffer, length, "strip", 1, "compression", 9, NULL);
    p_object_unref(bare);
    return status;
}

enum { CARD_WIDTH = 1200, CARD_HEIGHT = 630, CARD_MARGIN = 80, FORMAT_UCHAR = 0 };

/* A flat image of one colour, the card's size. */
static VipsImage *flat(const double colour[3]) {
    VipsImage *black = NULL, *coloured = NULL, *out = NULL;
    double one[3] = {1, 1, 1};
    if (!p_black(&black, CARD_WIDTH, CARD_HEIGHT, "bands", 3, NULL) && !p_linear(black, &coloured, one, colour, 3, NULL))
        p_cast(coloured, &out, FORMAT_UCHAR, NULL);
    if (black) p_object_unref(black);
    if (coloured) p_object_unref(coloured);
    return out;
}

/* `card` with `markup` set in `colour` at (x, y), at most `width` wide; when it is higher than
   `height` (a long title), set smaller to fit. Takes `card` over; NULL on failure. */
static VipsImage *with_text(VipsImage *card, const char *markup, const char *font, int x, int y, int width, int height,
                            const double colour[3]) {
    VipsImage *mask = NULL, *placed = NULL, *ink = NULL, *out = NULL;
    if (!markup[0]) return card;  /* nothing to set (a site without a description) */
    int status = p_text(&mask, markup, "font", font, "width", width, "dpi", 72, NULL);
    if (!status && p_height(mask) > height) {
        p_object_unref(mask);
        mask = NULL;
        status = p_text(&mask, markup, "font", font, "width", width, "height", height, NULL);
    }
    if (!status && !p_embed(mask, &placed, x, y, CARD_WIDTH, CARD_HEIGHT, NULL) && (ink = flat(colour)))
        p_ifthenelse(placed, ink, card, &out, "blend", 1, NULL);
    if (mask) p_object_unref(mask);
    if (placed) p_object_unref(placed);
    if (ink) p_object_unref(ink);
    p_object_unref(card);
    return out;
}

int vernetzt_vips_card(const char *site, const char *title, const char *kind, const double background[3],
                       const double text[3], const double accent[3], void **buffer, size_t *length) {
    VipsImage *card = flat(background);
    if (!card) return -1;
    int inner = CARD_WIDTH - 2 * CARD_MARGIN;
    if (!(card = with_text(card, site, "DejaVu Sans Bold 28", CARD_MARGIN, 64, inner, 80, accent))) return -1;
    if (!(card = with_text(card, title, "DejaVu Sans Bold 64", CARD_MARGIN, 170, inner, 320, text))) return -1;
    if (!(card = with_text(card, kind, "DejaVu Sans 30", CARD_MARGIN, CARD_HEIGHT - 100, inner, 50, accent))) return -1;
    int status = p_jpegsave_buffer(card, buffer, length, "Q", 85, "strip", 1, "optimize_coding", 1, NULL);
    p_object_unref(card);
    return status;
}

int vernetzt_vips_width(VipsImage *image) { return p_width(image); }
int vernetzt_vips_height(VipsImage *image) { return p_height(image); }
int vernetzt_vips_has_alpha(VipsImage *image) { return p_hasalpha(image); }
void vernetzt_vips_release(VipsImage *image) { if (image) p_object_unref(image); }
void vernetzt_vips_free(void *buffer) { p_free(buffer); }
char *vernetzt_vips_error(void) { return p_error_buffer_copy ? p_error_buffer_copy() : NULL; }

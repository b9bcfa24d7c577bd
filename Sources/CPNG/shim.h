#include <png.h>

/* PNG_IMAGE_PNG_SIZE_MAX is a macro Swift cannot call: the most bytes png_image_write_to_memory can need. */
static inline png_alloc_size_t cpng_image_png_size_max(png_image image) {
    return PNG_IMAGE_PNG_SIZE_MAX(image);
}

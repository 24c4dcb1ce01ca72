// The knowledge base built into the program, as bytes in its read-only data: the JSON it was
// made from and the images compiled from it at build time. Defined in the C file the
// EmbedKnowledgeBase plugin writes (embed-kb), which embeds the files byte for byte (#embed), so
// the program reads them in place, as the loader maps a file, instead of decoding a copy.
#ifndef C_BUNDLED_KNOWLEDGE_BASE_H
#define C_BUNDLED_KNOWLEDGE_BASE_H

#include <stddef.h>

typedef struct {
    const unsigned char *bytes;
    size_t count;
} OctopusEmbeddedBytes;

OctopusEmbeddedBytes octopus_bundled_json(void);
OctopusEmbeddedBytes octopus_bundled_image(void);
OctopusEmbeddedBytes octopus_bundled_search_image(void);

#endif

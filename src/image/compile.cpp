// SPDX-License-Identifier: MIT
// Compiling a dataset: the whole checking pass over the sources, then one image written at once.
#include "image/format.hpp"
#include "image/records.hpp"
#include "pipeline.hpp"

#include <orglineage/area_history.hpp>
#include <orglineage/image.hpp>
#include <orglineage/output_file.hpp>
#include <orglineage/small_areas.hpp>
#include <orglineage/version.hpp>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace orglineage {

namespace detail {

namespace {

struct Part {
    SectionId id;
    std::string bytes;
};

template <class T> std::string encode(const T& value, const Dataset* ds = nullptr) {
    ImageWriter w(ds);
    w(value);
    return w.take();
}

std::size_t aligned(std::size_t n) { return (n + section_alignment - 1) / section_alignment * section_alignment; }

/// Header, section table, then the sections at 8-byte boundaries (docs/image-format.md).
void put_u64(unsigned char* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::string assemble(const std::vector<Part>& parts) {
    const std::size_t table_end = header_size + parts.size() * section_entry_size;
    std::vector<Section> sections;
    std::size_t at = aligned(table_end);
    for (const auto& p : parts) {
        sections.push_back(Section{p.id, at, p.bytes.size(),
                                   image_checksum(reinterpret_cast<const unsigned char*>(p.bytes.data()), p.bytes.size())});
        at = aligned(at + p.bytes.size());
    }
    ImageWriter w;
    w.raw(image_magic.data(), image_magic.size());
    w.u32(image_format_version);
    w.u32(static_cast<std::uint32_t>(parts.size()));
    w.u64(at);
    w.u64(0); // the header checksum, once the table is written
    for (const auto& s : sections) {
        w.u32(static_cast<std::uint32_t>(s.id));
        w.u32(0);
        w.u64(s.offset);
        w.u64(s.size);
        w.u64(s.checksum);
    }
    std::string out = w.take();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out.resize(sections[i].offset, '\0');
        out += parts[i].bytes;
    }
    out.resize(at, '\0');
    std::vector<unsigned char> bytes(out.begin(), out.end());
    reseal_image(bytes);
    return std::string(bytes.begin(), bytes.end());
}

/// The sections of the tables the checking pass read: one entry per table index (see TableIndexes).
void add_table_sections(std::vector<Part>& parts, const Dataset& ds, const TableIndexes& tables) {
    if (const AreaHistory* h = tables.history()) {
        ImageWriter w(&ds);
        AreaHistoryImage::write(w, *h);
        parts.push_back({SectionId::area_history, w.take()});
    }
    if (tables.small_areas) {
        ImageWriter w(&ds);
        SmallAreasImage::write(w, *tables.small_areas);
        parts.push_back({SectionId::small_areas, w.take()});
    }
}

/// Written whole or not at all (OutputFile): a failure leaves no temporary file and says why.
void write_file(const std::string& path, const std::string& bytes) {
    // Through the one output mechanism: complete or absent, links written through, special files
    // in place, the system's reason in the message (an IoError: exit 74 at the command line).
    OutputFile out(path);
    out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.commit();
}

} // namespace

void reseal_image(std::vector<unsigned char>& b) {
    if (b.size() < header_size) return;
    ImageReader r(b.data() + 12, 4, "", 12);
    const std::size_t count = std::min<std::size_t>(r.u32(), max_sections);
    if (header_size + count * section_entry_size > b.size()) return;
    std::vector<unsigned char> head(b.begin(), b.begin() + 24);
    for (std::size_t i = 0; i < count; ++i) {
        unsigned char* e = b.data() + header_size + i * section_entry_size;
        ImageReader er(e, section_entry_size, "", 0);
        er.u64();
        const std::uint64_t offset = er.u64(), size = er.u64();
        if (size <= b.size() && offset <= b.size() - size) put_u64(e + 24, image_checksum(b.data() + offset, size));
        head.insert(head.end(), e, e + section_entry_size);
    }
    put_u64(b.data() + 24, image_checksum(head.data(), head.size()));
}

} // namespace detail

namespace {
/// `compile DATA -o DATA/dataset.yaml` would replace the dataset's manifest with the image.
void refuse_overwriting_a_source(const std::string& directory, const std::vector<detail::SourceFile>& sources,
                                 const std::string& image_path) {
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const auto& f : sources) inputs.emplace_back("the source file", (fs::path(directory) / f.path).string());
    try {
        check_distinct_files(inputs, {{"the image", image_path}});
    } catch (const IoError&) {
        throw;
    } catch (const Error& e) {
        throw IoError(image_path, std::string("not written: ") + e.what());
    }
}

} // namespace

ImageInfo compile_image(const std::string& directory, const std::string& image_path) {
    using namespace detail;
    // The sources as they are before reading: a file changed while compiling makes the image stale.
    Manifest m;
    m.layout = layout_signature();
    m.sources = fingerprint(directory);
    refuse_overwriting_a_source(directory, m.sources, image_path);
    std::string bytes;
    bool small = false;
    // One checking pass; the table indexes it built are written as they are, not built again.
    with_checked_sources(directory, [&](const Lineage& lin, const TableIndexes& tables) {
        const Dataset& ds = lin.dataset();
        m.data_name = ds.name;
        m.data_version = ds.version;
        m.directory = ds.directory;
        m.library_version = orglineage::version();
        std::vector<Part> parts{{SectionId::manifest, encode(m)}, {SectionId::dataset, encode(ds)}};
        add_table_sections(parts, ds, tables);
        small = tables.small_areas != nullptr;
        bytes = assemble(parts);
    });
    write_file(image_path, bytes);
    ImageInfo info;
    info.path = image_path;
    info.format_version = image_format_version;
    info.data_name = m.data_name;
    info.data_version = m.data_version;
    info.directory = m.directory;
    info.size = bytes.size();
    info.sources = m.sources.size();
    info.small_areas = small;
    return info;
}

} // namespace orglineage

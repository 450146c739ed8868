// SPDX-License-Identifier: MIT
// Opening an image: the header and section table are checked before any section is read, each
// section's checksum before it is decoded, and every length against the bytes left.
#include "graph/lineage_access.hpp"
#include "image/format.hpp"
#include "image/records.hpp"

#include <orglineage/image.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace orglineage {

namespace detail {

std::string section_name(SectionId id) {
    switch (id) {
    case SectionId::manifest: return "manifest";
    case SectionId::dataset: return "dataset";
    case SectionId::small_areas: return "small-areas";
    case SectionId::area_history: return "area-history";
    }
    return "section " + std::to_string(static_cast<std::uint32_t>(id));
}

namespace {

/// The header's checksum covers its first 24 bytes and the section table.
std::uint64_t header_checksum(const unsigned char* p, std::size_t sections) {
    std::vector<unsigned char> bytes(p, p + 24);
    bytes.insert(bytes.end(), p + header_size, p + header_size + sections * section_entry_size);
    return image_checksum(bytes.data(), bytes.size());
}

void check_header(const unsigned char* p, std::size_t n, const std::string& name, std::uint32_t& sections) {
    if (n < header_size)
        image_error(name, "truncated at offset " + std::to_string(n) + " (the header needs " +
                              std::to_string(header_size) + " bytes)");
    if (!std::equal(image_magic.begin(), image_magic.end(), p))
        image_error(name, "bad magic number (not an orglineage image)");
    ImageReader r(p + 8, header_size - 8, name, 8);
    const std::uint32_t version = r.u32();
    if (version != image_format_version)
        image_error(name, "wrong format version " + std::to_string(version) + " (this library reads version " +
                              std::to_string(image_format_version) + "; compile the data again)");
    sections = r.u32();
    if (sections == 0 || sections > max_sections) image_error(name, "bad section count " + std::to_string(sections));
    const std::uint64_t size = r.u64();
    if (size > n)
        image_error(name, "truncated at offset " + std::to_string(n) + " (the header says " +
                              std::to_string(size) + " bytes)");
    if (size < n) image_error(name, std::to_string(n - size) + " bytes after the end the header gives (" + std::to_string(size) + ")");
    const std::size_t table_end = header_size + sections * section_entry_size;
    if (table_end > n)
        image_error(name, "truncated at offset " + std::to_string(n) + " (the section table ends at " +
                              std::to_string(table_end) + ")");
    if (r.u64() != header_checksum(p, sections)) image_error(name, "checksum mismatch in the header");
}

Section read_entry(const unsigned char* p, std::size_t n, std::size_t i, const std::string& name) {
    const std::size_t at = header_size + i * section_entry_size;
    ImageReader r(p + at, section_entry_size, name, at);
    Section s;
    s.id = static_cast<SectionId>(r.u32());
    r.u32(); // reserved
    s.offset = r.u64();
    s.size = r.u64();
    s.checksum = r.u64();
    const std::size_t table_end = header_size + (i + 1) * section_entry_size;
    if (s.offset < table_end || s.offset % section_alignment != 0 || s.size > n || s.offset > n - s.size)
        image_error(name, "section '" + section_name(s.id) + "' (offset " + std::to_string(s.offset) + ", " +
                              std::to_string(s.size) + " bytes) lies outside the file (" + std::to_string(n) +
                              " bytes)");
    return s;
}

/// Reads one whole section into `value`: nothing may be left over.
template <class T> void decode(const CompiledImage& img, const Section& s, T& value, const Dataset* ds = nullptr) {
    auto r = img.reader(s, ds);
    r(value);
    if (!r.at_end()) r.fail(std::to_string(s.offset + s.size - r.offset()) + " bytes left over in section '" +
                            section_name(s.id) + "'");
}

/// The directory the image stands for: the one beside it (`x.olimg` -> `x`) when it exists, else
/// the one it was compiled from. Table paths are moved with it.
void relocate(Dataset& ds, const std::string& image_path) {
    std::error_code ec;
    fs::path beside = image_path;
    if (beside.extension() != ".olimg") return;
    beside.replace_extension();
    if (!fs::is_regular_file(beside / "dataset.yaml", ec)) return;
    const fs::path from = ds.directory;
    for (auto& t : ds.tables) {
        const auto rel = fs::path(t.path).lexically_relative(from);
        if (!rel.empty() && *rel.begin() != "..") t.path = (beside / rel).lexically_normal().string();
    }
    ds.directory = beside.lexically_normal().string();
}

} // namespace

void fields(ImageReader& io, FunctionCatalogue& c) {
    std::vector<FunctionInfo> all;
    io(all);
    c = FunctionCatalogue();
    for (auto& f : all) {
        if (c.contains(f.id)) continue; // built in
        if (!f.parent.empty() && !c.contains(f.parent)) io.fail("function '" + f.id + "' before its parent");
        c.add(std::move(f));
    }
}

const Section* CompiledImage::find(SectionId id) const noexcept {
    for (const auto& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

ImageReader CompiledImage::reader(const Section& s, const Dataset* dataset) const {
    const unsigned char* p = file->data() + s.offset;
    if (image_checksum(p, s.size) != s.checksum)
        image_error(path, "checksum mismatch in section '" + section_name(s.id) + "' (offset " +
                              std::to_string(s.offset) + ", " + std::to_string(s.size) + " bytes)");
    return ImageReader(p, s.size, path, s.offset, dataset);
}

std::shared_ptr<CompiledImage> check_image(std::unique_ptr<MappedFile> file, const std::string& name) {
    auto img = std::make_shared<CompiledImage>();
    img->path = name;
    img->file = std::move(file);
    const unsigned char* p = img->file->data();
    const std::size_t n = img->file->size();
    std::uint32_t count = 0;
    check_header(p, n, name, count);
    for (std::size_t i = 0; i < count; ++i) img->sections.push_back(read_entry(p, n, i, name));
    const Section* m = img->find(SectionId::manifest);
    if (!m) image_error(name, "no manifest section");
    decode(*img, *m, img->manifest);
    if (img->manifest.layout != layout_signature())
        image_error(name, "written by a library whose records have other fields (compile the data again)");
    return img;
}

std::uint64_t layout_signature() {
    static const std::uint64_t sig = [] {
        SchemaWriter s;
        s(Dataset{});
        const std::string text = s.text() + "|" + SmallAreasImage::schema() + "|" + AreaHistoryImage::schema();
        return image_checksum(reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }();
    return sig;
}

std::shared_ptr<CompiledImage> map_image(const std::string& path) {
    return check_image(std::make_unique<MappedFile>(path), path);
}

Lineage open_checked(std::shared_ptr<CompiledImage> image) {
    const Section* s = image->find(SectionId::dataset);
    if (!s) image_error(image->path, "no dataset section");
    Dataset ds;
    decode(*image, *s, ds);
    check_references(ds, image->path);
    relocate(ds, image->path);
    Lineage lin = LineageAccess::checked(std::move(ds));
    LineageAccess::attach(lin, std::move(image));
    return lin;
}

} // namespace detail

Lineage open_image(const std::string& image_path) { return detail::open_checked(detail::map_image(image_path)); }

Lineage load_preferring_image(const std::string& directory, const std::string& image_path, ImageStatus& status,
                              const LoadOptions& options) {
    status = ImageStatus{};
    status.path = image_path;
    // Images are compiled with announced changes set aside: a load that applies them reads the sources.
    if (!options.include_announced) {
        auto check = detail::check_beside(image_path, directory);
        status.state = check.state;
        status.reason = check.reason;
        if (check.state == ImageState::current) {
            try {
                return detail::open_checked(std::move(check.image));
            } catch (const Error& e) {
                // A section past the manifest may be corrupt: the sources answer instead.
                const auto* d = dynamic_cast<const DataError*>(&e);
                status.state = ImageState::unreadable;
                status.reason = d ? d->message() : std::string(e.what());
            }
        }
    }
    return load_sources(directory, options);
}

ImageInfo image_info(const std::string& image_path) {
    const auto img = detail::map_image(image_path);
    ImageInfo info;
    info.path = image_path;
    info.format_version = image_format_version;
    info.data_name = img->manifest.data_name;
    info.data_version = img->manifest.data_version;
    info.directory = img->manifest.directory;
    info.size = img->file->size();
    info.sources = img->manifest.sources.size();
    info.small_areas = img->find(detail::SectionId::small_areas) != nullptr;
    return info;
}

bool is_image_file(const std::string& path) noexcept {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false; // a directory is not opened to find out
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    if (!in.read(head, sizeof head)) return false;
    return std::equal(detail::image_magic.begin(), detail::image_magic.end(), reinterpret_cast<unsigned char*>(head));
}

} // namespace orglineage

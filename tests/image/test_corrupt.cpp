// SPDX-License-Identifier: MIT
// A corrupt, truncated or foreign image is refused with a DataError that names the file and what is
// wrong, and nothing is read past its end.
#include "image/format.hpp"
#include "image/records.hpp"
#include "image_fixture.hpp"

#include <orglineage/small_areas.hpp>

#include <doctest/doctest.h>

using namespace orglineage;
using image_test::read_bytes;
using image_test::work_path;
using image_test::write_bytes;

namespace {

/// The message of the DataError opening `bytes` gives ("" when it opens).
std::string refusal(const std::vector<unsigned char>& bytes, const std::string& name) {
    const auto path = work_path(name);
    write_bytes(path, bytes);
    try {
        const Lineage lin = open_image(path);
        (void)SmallAreas::load(lin); // the small-area section is checked when first read
        return "";
    } catch (const DataError& e) {
        CHECK(e.file() == path);
        return e.what();
    }
}

void put_u32(std::vector<unsigned char>& b, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<unsigned char>(v >> (8 * i));
}

} // namespace

TEST_CASE("image reader refuses a file that is not an image, naming the file") {
    auto bytes = read_bytes(image_test::shipped_image());
    bytes[0] = 'X';
    CHECK(refusal(bytes, "bad-magic.olimg") ==
          work_path("bad-magic.olimg") + ": bad compiled image: bad magic number (not an orglineage image)");
    CHECK(refusal({}, "empty.olimg") ==
          work_path("empty.olimg") + ": bad compiled image: truncated at offset 0 (the header needs 32 bytes)");
}

TEST_CASE("image reader refuses an image whose records had other fields (another layout signature)") {
    const auto full = read_bytes(image_test::shipped_image());
    const auto img = detail::check_image(std::make_unique<detail::MappedFile>(full), "x");
    auto bytes = full;
    bytes[img->find(detail::SectionId::manifest)->offset] ^= 1; // the signature is the manifest's first field
    detail::reseal_image(bytes);
    CHECK(refusal(bytes, "layout.olimg") == work_path("layout.olimg") +
                                                ": bad compiled image: written by a library whose records have other "
                                                "fields (compile the data again)");
    write_bytes(work_path("layout.olimg"), bytes);
    CHECK_FALSE(image_is_current(work_path("layout.olimg"), ORGLINEAGE_SHIPPED_DATA_DIR));
}

TEST_CASE("image reader refuses another format version") {
    auto bytes = read_bytes(image_test::shipped_image());
    put_u32(bytes, 8, 1);
    CHECK(refusal(bytes, "version.olimg") ==
          work_path("version.olimg") +
              ": bad compiled image: wrong format version 1 (this library reads version 2; compile the data again)");
}

TEST_CASE("image reader refuses a truncated image, saying where it ends") {
    const auto full = read_bytes(image_test::shipped_image());
    for (std::size_t cut : {std::size_t{5}, std::size_t{31}, std::size_t{40}, std::size_t{200}, full.size() / 2,
                            full.size() - 1}) {
        CAPTURE(cut);
        const std::vector<unsigned char> part(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(cut));
        const auto msg = refusal(part, "truncated.olimg");
        CHECK(msg.find("truncated at offset " + std::to_string(cut)) != std::string::npos);
    }
    auto longer = full;
    longer.push_back(0);
    CHECK(refusal(longer, "longer.olimg").find("1 bytes after the end the header gives") != std::string::npos);
}

TEST_CASE("image reader refuses a changed byte in any section by its checksum") {
    const auto full = read_bytes(image_test::shipped_image());
    const auto img = detail::check_image(std::make_unique<detail::MappedFile>(full), "x");
    REQUIRE(img->sections.size() == 4); // manifest, dataset, area history, small areas
    for (const auto& s : img->sections) {
        auto bytes = full;
        bytes[s.offset + s.size / 2] ^= 0x40;
        const auto msg = refusal(bytes, "flipped.olimg");
        CAPTURE(s.offset);
        CHECK(msg.find("checksum mismatch in section '") != std::string::npos);
    }
    auto header = full;
    header[40] ^= 1; // in the section table
    CHECK(refusal(header, "header.olimg").find("checksum mismatch in the header") != std::string::npos);
}

TEST_CASE("image reader survives resealed corruption: every changed byte is refused or decodes to a valid Lineage") {
    // Checksums recomputed after the change, so the decoders meet the bad bytes themselves: every
    // byte of a small image with all four sections (the small-area toy dataset).
    const auto path = work_path("small-areas-toy.olimg");
    (void)compile_image(ORGLINEAGE_SMALL_AREAS_TOY_DIR, path);
    const auto full = read_bytes(path);
    REQUIRE(detail::check_image(std::make_unique<detail::MappedFile>(full), "x")->sections.size() == 4);
    std::size_t refused = 0, opened = 0;
    for (std::size_t at = 32; at < full.size(); ++at) {
        for (unsigned char x : {0x01, 0x80, 0xff}) {
            auto bytes = full;
            bytes[at] = static_cast<unsigned char>(bytes[at] ^ x);
            detail::reseal_image(bytes);
            try {
                const Lineage lin = detail::open_checked(
                    detail::check_image(std::make_unique<detail::MappedFile>(bytes), "resealed"));
                const auto sa = SmallAreas::load(lin);
                (void)lin.snapshot(*parse_date("2010-01-01"));
                ++opened;
            } catch (const DataError& e) {
                CHECK(std::string(e.what()).rfind("resealed: bad compiled image: ", 0) == 0);
                ++refused;
            }
        }
    }
    MESSAGE(refused << " refused, " << opened << " opened (a changed letter in a name still decodes)");
    CHECK(refused > 0);
}

TEST_CASE("image reader refuses a resealed image whose references were broken") {
    // A body's membership naming a group that is not in the data: the decoder finds it.
    const Lineage yaml = open_image(image_test::shipped_image());
    Dataset ds = yaml.dataset();
    Body* member = nullptr;
    for (auto& b : ds.bodies)
        if (!b.memberships.empty()) member = &b;
    REQUIRE(member);
    member->memberships.front().group = "no/such-group";
    detail::ImageWriter w;
    w(ds);
    detail::Manifest m;
    m.layout = detail::layout_signature();
    detail::ImageWriter mw;
    mw(m);
    // A two-section image by hand: manifest, dataset.
    std::vector<unsigned char> bytes(detail::header_size + 2 * detail::section_entry_size, 0);
    std::copy(detail::image_magic.begin(), detail::image_magic.end(), bytes.begin());
    put_u32(bytes, 8, image_format_version);
    put_u32(bytes, 12, 2);
    auto add = [&](std::size_t i, std::uint32_t id, const std::string& data) {
        while (bytes.size() % 8) bytes.push_back(0);
        const std::size_t e = detail::header_size + i * detail::section_entry_size;
        put_u32(bytes, e, id);
        const std::uint64_t off = bytes.size(), size = data.size();
        for (int k = 0; k < 8; ++k) {
            bytes[e + 8 + static_cast<std::size_t>(k)] = static_cast<unsigned char>(off >> (8 * k));
            bytes[e + 16 + static_cast<std::size_t>(k)] = static_cast<unsigned char>(size >> (8 * k));
        }
        bytes.insert(bytes.end(), data.begin(), data.end());
    };
    add(0, 1, mw.bytes());
    add(1, 2, w.bytes());
    const std::uint64_t total = bytes.size();
    for (int k = 0; k < 8; ++k) bytes[16 + static_cast<std::size_t>(k)] = static_cast<unsigned char>(total >> (8 * k));
    detail::reseal_image(bytes);
    CHECK(refusal(bytes, "broken-ref.olimg") ==
          work_path("broken-ref.olimg") + ": bad compiled image: body '" + member->id +
              "' names unknown body 'no/such-group'");
}

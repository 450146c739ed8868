// SPDX-License-Identifier: MIT
// An image beside its directory is used while the directory's files are those it was compiled
// from (same names, sizes and times), and the YAML is read as soon as one changes.
#include "image_fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace orglineage;

namespace {

/// A fresh copy of the toy dataset (tests/data/valid/toy), its image compiled beside it.
fs::path toy_copy(const std::string& name) {
    const fs::path dir = image_test::work_path(name);
    fs::remove_all(dir);
    fs::remove(image_beside(dir.string()));
    fs::copy(ORGLINEAGE_TOY_DATA_DIR, dir, fs::copy_options::recursive);
    (void)compile_image(dir.string(), image_beside(dir.string()));
    return dir;
}

/// The first body's name as Lineage::load reads it.
std::string first_name(const fs::path& dir) { return Lineage::load(dir.string()).dataset().bodies.front().name(); }

/// Rewrites `what` to `with` (same length) in every YAML file, keeping each file's time.
void same_size_edit(const fs::path& dir, const std::string& what, const std::string& with) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.path().extension() != ".yaml") continue;
        const auto t = fs::last_write_time(e.path());
        auto b = image_test::read_bytes(e.path().string());
        std::string s(b.begin(), b.end());
        for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.replace(at, what.size(), with);
        image_test::write_bytes(e.path().string(), std::vector<unsigned char>(s.begin(), s.end()));
        fs::last_write_time(e.path(), t);
    }
}

} // namespace

TEST_CASE("Lineage::load uses a current image beside the directory, and the YAML once a file changed") {
    const fs::path dir = toy_copy("toy-stale");
    const auto image = image_beside(dir.string());
    CHECK(image == dir.string() + ".olimg");
    CHECK(is_image_file(image));
    CHECK_FALSE(is_image_file((dir / "dataset.yaml").string()));
    REQUIRE(image_is_current(image, dir.string()));
    const std::string name = first_name(dir);
    REQUIRE(name.size() > 3);
    std::string other = name;
    other[0] = other[0] == 'Q' ? 'R' : 'Q';

    // Same sizes and times: the image is taken (it still has the old name).
    same_size_edit(dir, name, other);
    CHECK(image_is_current(image, dir.string()));
    CHECK(first_name(dir) == name);

    // A newer time on one file: stale, so the YAML (with the new name) is read.
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().extension() == ".yaml") fs::last_write_time(e.path(), fs::last_write_time(e.path()) + std::chrono::seconds(2));
    CHECK_FALSE(image_is_current(image, dir.string()));
    CHECK(first_name(dir) == other);

    // Compiled again: current again, with the new name.
    (void)compile_image(dir.string(), image);
    CHECK(image_is_current(image, dir.string()));
    CHECK(first_name(dir) == other);

    // A file added: stale.
    image_test::write_bytes((dir / "notes.csv").string(), {'a', '\n'});
    CHECK_FALSE(image_is_current(image, dir.string()));
}

TEST_CASE("compile_image reports what it wrote, and image_info reads it back") {
    const fs::path dir = toy_copy("toy-info");
    const auto info = image_info(image_beside(dir.string()));
    CHECK(info.format_version == image_format_version);
    CHECK(info.data_name == Lineage::load(dir.string()).dataset().name);
    CHECK(info.sources >= 2);
    CHECK_FALSE(info.small_areas);
    CHECK(info.size == fs::file_size(image_beside(dir.string())));
}

TEST_CASE("compile_image refuses data that does not check, and writes nothing") {
    const fs::path dir = image_test::work_path("broken");
    fs::remove_all(dir);
    fs::create_directories(dir);
    image_test::write_bytes((dir / "dataset.yaml").string(), {'[', '\n'});
    const auto image = image_beside(dir.string());
    fs::remove(image);
    CHECK_THROWS_AS((void)compile_image(dir.string(), image), DataError);
    CHECK_FALSE(fs::exists(image));
}

TEST_CASE("an image stays current for a copy of its directory with new times and the same bytes") {
    // As a package installs it: the files copied, their times those of the copy.
    const fs::path dir = toy_copy("toy-content");
    const auto image = image_beside(dir.string());
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) fs::last_write_time(e.path(), fs::last_write_time(e.path()) + std::chrono::hours(24));
    ImageStatus status;
    const Lineage lin = load_preferring_image(dir.string(), image, status);
    CHECK(status.state == ImageState::current);
    CHECK(status.reason.empty());
    CHECK(status.note(dir.string()).empty());

    // One byte changed, size and time kept as the copy has them: the hash tells, and the YAML answers.
    const std::string name = lin.dataset().bodies.front().name();
    std::string other = name;
    other[0] = other[0] == 'Q' ? 'R' : 'Q';
    same_size_edit(dir, name, other);
    ImageStatus after;
    const Lineage reread = load_preferring_image(dir.string(), image, after);
    CHECK(after.state == ImageState::stale);
    CHECK(after.reason.find("changed since it was compiled") != std::string::npos);
    CHECK(reread.dataset().bodies.front().name() == other);
}

TEST_CASE("load_preferring_image says why it passed an image over, and the sources answer") {
    const fs::path dir = toy_copy("toy-status");
    const auto image = image_beside(dir.string());
    image_test::write_bytes((dir / "extra.csv").string(), {'a', '\n'});
    ImageStatus status;
    (void)load_preferring_image(dir.string(), image, status);
    CHECK(status.state == ImageState::stale);
    CHECK(status.reason == "'extra.csv' is new since it was compiled");
    CHECK(status.note(dir.string()) == image + " is stale ('extra.csv' is new since it was compiled); reading the sources "
                                               "instead (run 'orglineage compile " + dir.string() + "' to update it)");
    fs::remove(dir / "extra.csv");
    image_test::write_bytes(image, {'n', 'o'});
    (void)load_preferring_image(dir.string(), image, status);
    CHECK(status.state == ImageState::unreadable);
    CHECK(status.reason == "bad compiled image: truncated at offset 2 (the header needs 32 bytes)");
    fs::remove(image);
    (void)load_preferring_image(dir.string(), image, status);
    CHECK(status.state == ImageState::absent);
    CHECK(status.note(dir.string()).empty());
}

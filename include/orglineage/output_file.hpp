// SPDX-License-Identifier: MIT
// orglineage — writing a file so that it is complete or absent: never a half-written file, never a
// truncated input.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace orglineage {

/**
 * An output file written to a temporary file beside its target (same directory, so the rename
 * cannot cross file systems) and renamed over the target only by commit(), after the data is
 * flushed and synced. A run that fails or is killed half way leaves the target as it was (at worst
 * a hidden `.orglineage-PID-N.tmp` file, which the next write into that directory removes).
 *
 * - A symbolic link is followed: the data replaces the link's final target, the link stays a link.
 * - A descriptor of this process (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`) is written where
 *   it stands, whatever the file behind it is; so is a target that is not a regular file (a pipe,
 *   a terminal, `/dev/full`): neither can be replaced, and what was written is checked.
 * - A regular file that replacing would damage is refused with IoError, never replaced: a
 *   read-only file, a file with other hard links.
 *
 * ```
 * orglineage::OutputFile f("out.csv");
 * f.stream() << "a,b\n";
 * f.commit(); // out.csv appears, complete
 * ```
 */
class ORGLINEAGE_API OutputFile {
  public:
    /// Creates the temporary file. @throws IoError when it cannot be created
    explicit OutputFile(std::string path);
    /// Removes the temporary file unless commit() succeeded.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    /// Where to write.
    [[nodiscard]] std::ostream& stream() noexcept;
    /// The target path as given.
    [[nodiscard]] const std::string& path() const noexcept;

    /// Flushes, syncs and closes the data and renames it over the target.
    /// @throws IoError when any of that fails (disk full, no permission); the target is unchanged
    void commit();

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/**
 * Refuses a set of paths where an output is also an input, or two outputs are the same file, before
 * anything is opened: `remap f.csv -o f.csv` would otherwise empty its own input. Paths are compared
 * as files (symbolic links and `./` resolved; hard links by device and inode); "-" (standard input
 * or output) and empty paths are skipped.
 * @param inputs  pairs of (what, path), e.g. {"FILE", "in.csv"}
 * @param outputs pairs of (what, path), e.g. {"--output", "out.csv"}
 * @throws Error naming both options and the path
 */
ORGLINEAGE_API void check_distinct_files(const std::vector<std::pair<std::string, std::string>>& inputs,
                          const std::vector<std::pair<std::string, std::string>>& outputs);

} // namespace orglineage

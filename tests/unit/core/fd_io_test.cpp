// Whole reads and writes over a pipe: a message larger than the pipe's buffer arrives whole,
// and the end of input before the bytes asked for is a failure.
#include "core/fd_io.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace vanthu::core {
namespace {

TEST(FdIo, LargeMessageThroughAPipeArrivesWhole) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::string sent(1 << 20, '\0');
    for (size_t i = 0; i < sent.size(); ++i) sent[i] = static_cast<char>(i * 7);
    std::thread writer([&] {
        EXPECT_TRUE(write_all(fds[1], sent));
        close(fds[1]);
    });
    std::string got(sent.size(), '\0');
    EXPECT_TRUE(read_all(fds[0], got.data(), got.size()));
    writer.join();
    EXPECT_EQ(got, sent);
    char more;
    EXPECT_FALSE(read_all(fds[0], &more, 1));  // the writer has closed its end
    close(fds[0]);
}

TEST(FdIo, WritingToAClosedDescriptorFails) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    close(fds[0]);
    close(fds[1]);
    EXPECT_FALSE(write_all(fds[1], "x"));
}

}  // namespace
}  // namespace vanthu::core

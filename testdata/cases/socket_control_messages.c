/* CMSG_FIRSTHDR(&msg) is NULL when msg.msg_controllen is too small for a
 * header: `(&msg)->msg_controllen >= sizeof(struct cmsghdr) ?
 * (&msg)->msg_control : 0`. Where the code has just set the length with
 * CMSG_SPACE (a constant), the first header is there; after recvmsg() the
 * kernel says how much came, and a message without control data has none. */
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

/* must stay silent */

int send_descriptor(int sock, int fd)
{
    struct msghdr msg;
    struct cmsghdr *cmsg;
    union {
        char space[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    char byte = 0;
    struct iovec iov = {&byte, 1};
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.space;
    msg.msg_controllen = CMSG_SPACE(sizeof(int));
    cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
    return (int)sendmsg(sock, &msg, 0);
}

/* must be reported */

int receive_descriptor(int sock)
{
    struct msghdr msg;
    struct cmsghdr *cmsg;
    union {
        char space[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    char byte;
    struct iovec iov = {&byte, 1};
    int fd;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.space;
    msg.msg_controllen = sizeof control.space;
    if (recvmsg(sock, &msg, 0) <= 0)
        return -1;
    cmsg = CMSG_FIRSTHDR(&msg);
    if (cmsg->cmsg_type != SCM_RIGHTS) // expect: null-deref
        return -1;
    memcpy(&fd, CMSG_DATA(cmsg), sizeof fd);
    return fd;
}

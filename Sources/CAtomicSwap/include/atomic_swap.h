#ifndef BRIEFING_ATOMIC_SWAP_H
#define BRIEFING_ATOMIC_SWAP_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (ENOSYS where the system has no such call).
int briefing_exchange_paths(const char *first, const char *second);

#endif

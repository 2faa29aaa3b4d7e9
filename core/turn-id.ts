/**
 * Ids for turns. The sandbox has no `crypto` we can rely on, so an id is the time in base 36 plus random
 * base-36 digits: unique enough for records that also carry the node id they were written on.
 */
export function newTurnId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 10; i++) tail += Math.floor(random() * 36).toString(36);
  return `t${now.toString(36)}${tail}`;
}

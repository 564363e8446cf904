/**
 * A tile-grid layout of Ecuador's provinces: one square per province, placed roughly where it
 * lies (coast to the west, Amazon to the east), Galápagos apart on the left. It needs no
 * boundary file and gives small provinces the same room as large ones.
 */
export const PROVINCE_TILES: Readonly<Record<string, readonly [x: number, y: number, short: string]>> = {
  '08': [2, 0, 'ESM'], '10': [3, 0, 'IMB'], '04': [4, 0, 'CAR'], '21': [5, 0, 'SUC'],
  '13': [1, 1, 'MAN'], '23': [2, 1, 'SDT'], '17': [3, 1, 'PIC'], '15': [4, 1, 'NAP'], '22': [5, 1, 'ORE'],
  '20': [0, 2, 'GAL'], '12': [2, 2, 'RIO'], '05': [3, 2, 'COT'], '18': [4, 2, 'TUN'], '16': [5, 2, 'PAS'],
  '24': [1, 3, 'STE'], '09': [2, 3, 'GUA'], '02': [3, 3, 'BOL'], '06': [4, 3, 'CHI'], '14': [5, 3, 'MOR'],
  '07': [2, 4, 'ORO'], '03': [3, 4, 'CAÑ'], '01': [4, 4, 'AZU'],
  '11': [3, 5, 'LOJ'], '19': [4, 5, 'ZAM'],
};

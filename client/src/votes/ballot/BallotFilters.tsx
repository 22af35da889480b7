import { Input, Picker, View } from '@tarojs/components';

export const ALL_SECTIONS = '全部股室';

/**
 * Finding whom to rate: by name and section (on a long ballot), and 全部 / 未评完. Every change goes back to the
 * first page (`onFilter`).
 */
export function BallotFilters({
  search,
  q,
  sections,
  section,
  onlyOpen,
  total,
  rated,
  onQ,
  onSection,
  onOnlyOpen,
}: {
  /** Whether the name search and the section picker are offered. */
  search: boolean;
  q: string;
  sections: string[];
  section: string;
  onlyOpen: boolean;
  total: number;
  rated: number;
  onQ: (q: string) => void;
  onSection: (section: string) => void;
  onOnlyOpen: (onlyOpen: boolean) => void;
}) {
  return (
    <>
      {search && (
        <View className='cells'>
          <View className='cell'>
            <Input id='ballot-search' className='input' value={q} placeholder='搜索姓名' onInput={(e) => onQ(e.detail.value)} />
          </View>
          {sections.length > 2 && (
            <Picker
              mode='selector'
              range={sections}
              value={Math.max(0, sections.indexOf(section))}
              onChange={(e) => onSection(sections[Number(e.detail.value)] ?? ALL_SECTIONS)}
            >
              <View className='cell cell-access' id='ballot-section'>
                <View className='cell-bd'>股室</View>
                <View className='cell-ft'>{section}</View>
              </View>
            </Picker>
          )}
        </View>
      )}
      <View className='tabs'>
        <View className={`tab${onlyOpen ? '' : ' tab-on'}`} id='ballot-tab-all' onClick={() => onOnlyOpen(false)}>
          全部（{total}）
        </View>
        <View className={`tab${onlyOpen ? ' tab-on' : ''}`} id='ballot-tab-open' onClick={() => onOnlyOpen(true)}>
          未评完（{total - rated}）
        </View>
      </View>
    </>
  );
}
